// Classic-script build behind three.min.js URLs: window.THREE, a plain object so the add-on build
// (and pages) can attach OrbitControls & co. to it as the old examples/js files did.
import * as THREE from "three";

(window as unknown as { THREE: unknown }).THREE = { ...THREE };
