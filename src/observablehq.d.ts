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
