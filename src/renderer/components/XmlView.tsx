import { useEffect, useRef } from 'react';
import { basicSetup, EditorView } from 'codemirror';
import { Compartment, EditorState, Prec, RangeSetBuilder } from '@codemirror/state';
import { Decoration, type DecorationSet, ViewPlugin } from '@codemirror/view';
import { xml } from '@codemirror/lang-xml';
import { oneDarkTheme } from '@codemirror/theme-one-dark';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { useUi } from '../state/ui-store';

/** Lines of each ds:Signature block, and the opening line of each element a signature references by ID. */
function signatureLines(text: string): { sig: Set<number>; covered: Map<number, number> } {
  const lines = text.split('\n');
  const sig = new Set<number>();
  const refs: string[] = [];
  let depth = 0;
  lines.forEach((line, i) => {
    if (/<(\w+:)?Signature[\s>]/.test(line) && !/SignatureValue|SignatureMethod/.test(line)) depth++;
    if (depth > 0) sig.add(i + 1);
    const ref = /<(?:\w+:)?Reference URI="#([^"]+)"/.exec(line);
    if (ref) refs.push(ref[1]!);
    if (/<\/(\w+:)?Signature>/.test(line)) depth = Math.max(0, depth - 1);
  });
  const covered = new Map<number, number>();
  lines.forEach((line, i) => {
    const id = /\sID="([^"]+)"/.exec(line)?.[1];
    const n = id ? refs.indexOf(id) : -1;
    if (n >= 0) covered.set(i + 1, n + 1);
  });
  return { sig, covered };
}

const signatureDecorations = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = this.build(view);
    }
    build(view: EditorView): DecorationSet {
      const { sig, covered } = signatureLines(view.state.doc.toString());
      const b = new RangeSetBuilder<Decoration>();
      for (let n = 1; n <= view.state.doc.lines; n++) {
        const line = view.state.doc.line(n);
        if (covered.has(n)) b.add(line.from, line.from, Decoration.line({ class: 'cm-covered-line', attributes: { title: `Covered by signature #${covered.get(n)}` } }));
        else if (sig.has(n)) b.add(line.from, line.from, Decoration.line({ class: 'cm-sig-line', attributes: { title: 'XML signature' } }));
      }
      return b.finish();
    }
  },
  { decorations: (v) => v.decorations },
);

/**
 * XML token colours with at least 4.5:1 contrast on the view's background (WCAG AA; the stock light and One Dark
 * styles fall short for attribute names and comments, which axe reports as serious).
 */
const highlight = (c: { tag: string; attribute: string; value: string; comment: string; punctuation: string }) =>
  syntaxHighlighting(
    HighlightStyle.define([
      { tag: [t.tagName, t.standard(t.tagName)], color: c.tag },
      { tag: t.attributeName, color: c.attribute },
      { tag: [t.attributeValue, t.string], color: c.value },
      { tag: [t.comment, t.processingInstruction, t.meta, t.documentMeta], color: c.comment },
      { tag: [t.angleBracket, t.punctuation, t.definitionOperator], color: c.punctuation },
    ]),
  );
const LIGHT = highlight({ tag: '#1d4f91', attribute: '#8a3b00', value: '#1b6b2f', comment: '#5a5f66', punctuation: '#45484d' });
const DARK_GUTTERS = Prec.highest(EditorView.theme({ '.cm-gutters, .cm-activeLineGutter': { color: '#a3abb8' } }, { dark: true }));
const DARK = [oneDarkTheme, DARK_GUTTERS, highlight({ tag: '#f07c86', attribute: '#e0aa72', value: '#a5d186', comment: '#a3abb8', punctuation: '#c5cad3' })];
const themeOf = (theme: string) => (theme === 'dark' ? DARK : LIGHT);

/** A read-only XML view: highlighting, folding, search (Ctrl/Cmd-F), line numbers; signatures and what they cover tinted. */
/** copyText: what Copy puts on the clipboard when it is not the text shown (a formatted view of exact bytes). */
export function XmlView({ text, label, copyText }: { text: string; label: string; copyText?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const themeSlot = useRef(new Compartment());
  const theme = useUi((s) => s.theme);
  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text,
        extensions: [
          basicSetup,
          xml(),
          EditorState.readOnly.of(true),
          EditorView.lineWrapping,
          signatureDecorations,
          themeSlot.current.of(themeOf(theme)),
          EditorView.contentAttributes.of({ 'aria-label': label }),
        ],
      }),
    });
    // The scroller scrolls long documents: keyboard users reach it with Tab (axe: scrollable-region-focusable).
    v.scrollDOM.tabIndex = 0;
    v.scrollDOM.setAttribute('role', 'region');
    v.scrollDOM.setAttribute('aria-label', `${label} (scrollable)`);
    view.current = v;
    return () => v.destroy();
    // The editor is rebuilt for new text; the theme is swapped in place below.
  }, [text, label]);
  useEffect(() => {
    view.current?.dispatch({ effects: themeSlot.current.reconfigure(themeOf(theme)) });
  }, [theme]);
  const copy = () => void navigator.clipboard?.writeText(copyText ?? text);
  return (
    <div>
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 6 }}>
        <span className="muted" style={{ fontSize: 12 }}>
          <span className="pill" style={{ background: 'var(--sig)' }}>
            signature
          </span>
          <span className="pill" style={{ background: 'var(--covered)' }}>
            element it covers
          </span>{' '}
          Ctrl/⌘-F searches
        </span>
        <button className="btn" onClick={copy}>
          Copy
        </button>
      </div>
      <div className="cm-host" ref={host} data-testid="xml-view" data-length={text.length} />
    </div>
  );
}
