// Classic-script build behind three's old examples/js/* URLs (OrbitControls.js, GLTFLoader.js, …):
// attaches the add-ons to the page's window.THREE (the build maps "three" to that global).
import { OrbitControls } from "three/addons/controls/OrbitControls.js";
import { TrackballControls } from "three/addons/controls/TrackballControls.js";
import { PointerLockControls } from "three/addons/controls/PointerLockControls.js";
import { GLTFLoader } from "three/addons/loaders/GLTFLoader.js";
import { OBJLoader } from "three/addons/loaders/OBJLoader.js";
import { FontLoader } from "three/addons/loaders/FontLoader.js";
import { TextGeometry } from "three/addons/geometries/TextGeometry.js";
import { EffectComposer } from "three/addons/postprocessing/EffectComposer.js";
import { RenderPass } from "three/addons/postprocessing/RenderPass.js";
import { UnrealBloomPass } from "three/addons/postprocessing/UnrealBloomPass.js";
import { ShaderPass } from "three/addons/postprocessing/ShaderPass.js";
import { ImprovedNoise } from "three/addons/math/ImprovedNoise.js";
import { SimplexNoise } from "three/addons/math/SimplexNoise.js";

const THREE = (window as unknown as { THREE?: Record<string, unknown> }).THREE;
if (THREE) {
  Object.assign(THREE, {
    OrbitControls,
    TrackballControls,
    PointerLockControls,
    GLTFLoader,
    OBJLoader,
    FontLoader,
    TextGeometry,
    EffectComposer,
    RenderPass,
    UnrealBloomPass,
    ShaderPass,
    ImprovedNoise,
    SimplexNoise,
  });
}
