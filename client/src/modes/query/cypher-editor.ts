/*
 * The Cypher editor: CodeMirror 6 with the legacy Cypher highlighter, completion of labels, relationship
 * types and property keys from /api/schema, Ctrl+Enter to run, and the server's error marked at its
 * position. Ctrl+Enter (and Shift+Enter) run; the standard editing keys, undo history included, come from
 * @codemirror/commands.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { autocompletion, closeBrackets, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { bracketMatching, defaultHighlightStyle, StreamLanguage, syntaxHighlighting, type StreamParser } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { EditorState, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers, placeholder, WidgetType, type DecorationSet } from '@codemirror/view';
import type { Schema } from '../../api/types.ts';
import { completeAt } from './query-model.ts';

export interface CypherEditorOptions {
  doc: string;
  placeholder: string;
  schema: () => Schema | null;
  onRun: () => void;
  onChange: (text: string) => void;
}

export interface CypherEditor {
  view: EditorView;
  getText(): string;
  setText(text: string): void;
  /** Marks the error span starting at `offset` (to the end of the token there); null clears it. */
  markError(offset: number | null): void;
  focus(): void;
  destroy(): void;
}

const setError = StateEffect.define<number | null>();

const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    let out = deco.map(tr.changes);
    if (tr.docChanged) out = Decoration.none;
    for (const e of tr.effects) {
      if (!e.is(setError)) continue;
      if (e.value === null) { out = Decoration.none; continue; }
      const doc = tr.state.doc;
      const from = Math.min(e.value, doc.length);
      const rest = doc.sliceString(from, Math.min(doc.length, from + 80));
      const len = Math.max(1, /^[\p{L}\p{N}_$]+/u.exec(rest)?.[0].length ?? 1);
      const line = doc.lineAt(from);
      const ranges = [Decoration.line({ class: 'cm-error-line' }).range(line.from)];
      if (from < doc.length) ranges.push(Decoration.mark({ class: 'cm-error-mark' }).range(from, Math.min(doc.length, from + len)));
      else ranges.push(Decoration.widget({ widget: new ErrorCaret(), side: 1 }).range(from));
      out = Decoration.set(ranges, true);
    }
    return out;
  },
  provide: (f) => EditorView.decorations.from(f),
});

class ErrorCaret extends WidgetType {
  override eq(): boolean { return true; }
  toDOM(): HTMLElement {
    const s = document.createElement('span');
    s.className = 'cm-error-mark cm-error-eol';
    s.textContent = ' ';
    return s;
  }
}

function schemaCompletion(schema: () => Schema | null) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = ctx.state.sliceDoc(Math.max(0, ctx.pos - 400), ctx.pos);
    const ans = completeAt(before, schema(), ctx.explicit);
    if (!ans) return null;
    const from = ctx.pos - (before.length - ans.from);
    if (from < line.from - 400) return null;
    return {
      from,
      options: ans.options.map((o) => ({ label: o.label, type: o.type, ...(o.detail ? { detail: o.detail } : {}) })),
      validFor: /^[\p{L}\p{N}_]*$/u,
    };
  };
}

const theme = EditorView.theme({
  '&': { fontSize: '13px', border: '1px solid #cbd5e1', borderRadius: '6px', background: '#fff', maxHeight: 'min(40vh, 240px)' },
  '&.cm-focused': { outline: '2px solid #93c5fd' },
  '.cm-scroller': { fontFamily: 'ui-monospace, "JetBrains Mono", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace', minHeight: '96px' },
  '.cm-error-line': { background: '#fef2f2' },
  '.cm-error-mark': { textDecoration: 'underline wavy #dc2626', textUnderlineOffset: '3px', background: '#fee2e2' },
  '.cm-error-eol': { display: 'inline-block', width: '0.6em' },
});

export function createCypherEditor(parent: HTMLElement, opts: CypherEditorOptions): CypherEditor {
  const runKeys = keymap.of([
    { key: 'Mod-Enter', run: () => { opts.onRun(); return true; }, preventDefault: true },
    { key: 'Shift-Enter', run: () => { opts.onRun(); return true; }, preventDefault: true },
  ]);
  const extensions: Extension[] = [
    lineNumbers(),
    drawSelection(),
    highlightActiveLine(),
    bracketMatching(),
    closeBrackets(),
    StreamLanguage.define(cypher as unknown as StreamParser<unknown>),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    autocompletion({ override: [schemaCompletion(opts.schema)], activateOnTyping: true, icons: true }),
    // Run keys first so Ctrl+Enter is never taken by the completion popup.
    runKeys,
    keymap.of(completionKeymap),
    history(),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    placeholder(opts.placeholder),
    errorField,
    theme,
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': 'Cypher', 'data-testid': 'cypher-input' }),
    EditorView.updateListener.of((u) => { if (u.docChanged) opts.onChange(u.state.doc.toString()); }),
  ];
  const view = new EditorView({ parent, state: EditorState.create({ doc: opts.doc, extensions }) });
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    markError(offset) {
      view.dispatch({ effects: setError.of(offset) });
      if (offset !== null) view.dispatch({ selection: { anchor: Math.min(offset, view.state.doc.length) }, scrollIntoView: true });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
