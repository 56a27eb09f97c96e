// Classic-script build behind the React/ReactDOM UMD URLs (unpkg.com/react@18/umd/…, cdnjs react …).
// React 19 ships no UMD files, so this sets window.React and window.ReactDOM from React 19 and keeps
// the React 17/18 entry points such pages call (ReactDOM.render, hydrate, unmountComponentAtNode).
// react.production.min.js and react-dom.production.min.js both load this file: the second load
// keeps the first React, so the page has exactly one.
import React from "react";
import ReactDOM from "react-dom";
import { createRoot, hydrateRoot, type Root } from "react-dom/client";
import * as JSXRuntime from "react/jsx-runtime";

type Globals = Window & { React?: unknown; ReactDOM?: unknown; __vitrineJsxRuntime?: unknown };
const w = window as unknown as Globals;

if (!w.__vitrineJsxRuntime) {
  const roots = new WeakMap<Element, Root>();
  const legacy = {
    render(element: React.ReactNode, container: Element, callback?: () => void) {
      let root = roots.get(container);
      if (!root) {
        root = createRoot(container);
        roots.set(container, root);
      }
      // Legacy render was synchronous; pages read the DOM right after it.
      ReactDOM.flushSync(() => root.render(element));
      callback?.();
    },
    hydrate(element: React.ReactNode, container: Element) {
      roots.set(container, hydrateRoot(container, element));
    },
    unmountComponentAtNode(container: Element) {
      const root = roots.get(container);
      if (!root) return false;
      root.unmount();
      roots.delete(container);
      return true;
    },
  };
  w.React = React;
  w.ReactDOM = { ...ReactDOM, createRoot, hydrateRoot, ...legacy };
  w.__vitrineJsxRuntime = JSXRuntime;
}
