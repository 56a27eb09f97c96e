// Classic-script build behind recharts' UMD URLs: window.Recharts, drawn with the page's window.React
// (the build maps "react" and "react-dom" to those globals, so there is one React).
import * as Recharts from "recharts";

(window as unknown as { Recharts: unknown }).Recharts = Recharts;
