// Types of Framework's standard library as local modules import it (`import {FileAttachment} from
// "observablehq:stdlib"`), so that a component can reference the site's own files; Framework resolves the literal
// path relative to the module at build time.
declare module "observablehq:stdlib" {
  export interface FileAttachmentHandle {
    readonly name: string;
    readonly href: string;
    text(): Promise<string>;
    json(): Promise<any>;
    arrayBuffer(): Promise<ArrayBuffer>;
    blob(): Promise<Blob>;
    url(): Promise<string>;
  }
  export function FileAttachment(name: string): FileAttachmentHandle;
}

// The parts of Observable Inputs (no bundled types) that components use.
declare module "@observablehq/inputs" {
  type InputElement<T> = HTMLElement & {value: T};
  export function search<T>(data: readonly T[], options?: {label?: string; placeholder?: string}): InputElement<T[]>;
  export function table<T>(data: readonly T[], options?: {
    select?: boolean;
    columns?: string[];
    header?: Record<string, string>;
    layout?: "auto" | "fixed";
    format?: Record<string, (value: any) => string | Node>;
    rows?: number;
  }): HTMLElement;
}

// Framework's clock override (used by observablehq.config.ts for deterministic builds).
declare module "@observablehq/framework/dist/config.js" {
  export function setCurrentDate(date: Date | null): void;
}
