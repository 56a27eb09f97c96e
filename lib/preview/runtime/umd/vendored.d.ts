// three ships no types (and @types/three is not needed for two re-exporting build entries).
declare module "three";
declare module "three/addons/*";
