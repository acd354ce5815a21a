// Versions Framework's client would otherwise resolve as "latest" from the npm registry
// at build time. None of them is loaded by this report's pages (they import everything
// explicitly from node_modules); pinning them only keeps `observable build` offline and
// its output the same from one day to the next. Framework 1.13.4's list.
export const FRAMEWORK_NPM_PINS = [
  "@observablehq/plot@0.6.17",
  "@observablehq/sample-datasets@1.0.1",
  "apache-arrow@21.2.0",
  "arquero@8.0.3",
  "d3-dsv@3.0.2",
  "d3@7.9.2",
  "echarts@6.1.0",
  "htl@1.0.0",
  "leaflet@1.9.4",
  "lodash@4.18.1",
  "mapbox-gl@3.32.0",
  "parquet-wasm@0.8.0",
  "react-dom@19.3.1",
  "react@19.3.1",
  "topojson-client@3.1.0"
];
