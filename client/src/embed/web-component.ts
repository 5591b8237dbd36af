/**
 * `<ccn-atlas-map>`: one line of script for sites that prefer it to an iframe.
 *
 *   <script src="https://atlas.example/embed.js" async></script>
 *   <ccn-atlas-map province="khanh-hoa" layer="stage" lang="vi" height="480"></ccn-atlas-map>
 *
 * It frames `/embed` of the server the script came from, passes its attributes as options, re-emits
 * the embed's messages as DOM events (`ccn-atlas:ready`, `ccn-atlas:cluster-selected`) and offers
 * `setLayer(id)`, `selectCluster(id)` and `flyToBbox([w, s, e, n])`. Self-contained: no imports.
 */
const scriptOrigin = new URL(
  (document.currentScript as HTMLScriptElement | null)?.src ?? window.location.href,
).origin;
const OPTION_ATTRIBUTES = [
  'province',
  'layer',
  'lang',
  'map',
  'bbox',
  'clusters',
  'legend',
  'controls',
] as const;

class CcnAtlasMap extends HTMLElement {
  static observedAttributes = [...OPTION_ATTRIBUTES, 'height'];
  private frame: HTMLIFrameElement | null = null;
  private readonly onMessage = (event: MessageEvent) => {
    if (event.origin !== scriptOrigin || event.source !== this.frame?.contentWindow) return;
    const data = event.data as { source?: string; type?: string };
    if (data?.source !== 'ccn-atlas' || typeof data.type !== 'string') return;
    this.dispatchEvent(new CustomEvent(`ccn-atlas:${data.type}`, { detail: data, bubbles: true }));
  };

  connectedCallback() {
    window.addEventListener('message', this.onMessage);
    this.render();
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.onMessage);
  }

  attributeChangedCallback() {
    if (this.isConnected) this.render();
  }

  private render() {
    const params = new URLSearchParams();
    for (const name of OPTION_ATTRIBUTES) {
      const value = this.getAttribute(name);
      if (value !== null) params.set(name, value);
    }
    const src = `${scriptOrigin}/embed?${params}`;
    if (!this.frame) {
      this.frame = document.createElement('iframe');
      this.frame.title = this.getAttribute('title') ?? 'Bản đồ cụm công nghiệp';
      this.frame.loading = 'lazy';
      this.frame.style.cssText = 'border:0;width:100%;display:block';
      this.appendChild(this.frame);
    }
    this.frame.style.height = `${Number(this.getAttribute('height')) || 480}px`;
    if (this.frame.src !== src) this.frame.src = src;
  }

  private send(command: Record<string, unknown>) {
    this.frame?.contentWindow?.postMessage({ source: 'ccn-atlas', ...command }, scriptOrigin);
  }

  setLayer(layer: string) {
    this.send({ type: 'set-layer', layer });
  }

  selectCluster(id: string | null) {
    this.send({ type: 'select-cluster', id });
  }

  flyToBbox(bbox: [number, number, number, number]) {
    this.send({ type: 'fly-to-bbox', bbox });
  }
}

if (!customElements.get('ccn-atlas-map')) customElements.define('ccn-atlas-map', CcnAtlasMap);
