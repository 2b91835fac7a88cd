// Tiny element builder for the replicas' client code.

type Attributes = Record<string, string | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Attributes,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K];
export function h(tag: string, attributes?: Attributes, ...children: (Node | string)[]): HTMLElement;
export function h(tag: string, attributes: Attributes = {}, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

export function requireElement<T extends Element>(selector: string, root: ParentNode = document): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`replica markup is missing ${selector}`);
  return element;
}

export function scrollToEnd(element: Element): void {
  element.scrollIntoView({ block: 'end' });
}
