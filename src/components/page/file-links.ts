// Links that download files the build wrote (XPT, define.xml, the ARD, Word tables), as one labelled group.
import {downloadLink} from "../tables/datasets.js";

export interface FileLink {
  label: string;
  /** FileAttachment(…).href: the file as the site serves it. */
  href: string;
  /** The name it is saved under. */
  filename: string;
}

export function fileLinks(name: string, links: readonly FileLink[]): HTMLElement {
  const group = document.createElement("div");
  group.className = "downloads";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", name);
  group.append(...links.map((link) => downloadLink(link.label, link.href, link.filename)));
  return group;
}
