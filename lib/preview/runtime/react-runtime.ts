// Bundled by esbuild into /sandbox/runtime/react.js (an IIFE) and loaded inside the preview frame:
// React 19 from the preview origin, no CDN. Exposes window.React / window.ReactDOM and the module
// table the frame's `require` answers from.
import React from "react";
import ReactDOM from "react-dom";
import * as ReactDOMClient from "react-dom/client";
import * as JSXRuntime from "react/jsx-runtime";

const reactDom = { ...ReactDOM, ...ReactDOMClient };

Object.assign(window, {
  React,
  ReactDOM: reactDom,
  __vitrineModules: {
    react: React,
    "react-dom": reactDom,
    "react-dom/client": ReactDOMClient,
    "react/jsx-runtime": JSXRuntime,
  },
});
