// Environmental quality computations shared by server and web: AQI (HJ 633) and surface-water class
// (GB 3838-2002), plus the contracts of the public tool endpoints.
export * from './aqi-breakpoints.ts';
export * from './aqi.ts';
export * from './water-class.ts';
export * from './tool-schemas.ts';
export * from './credit-code.ts';
export * from './working-days.ts';
export * from './air-daily.ts';
export * from './disclosure.ts';
