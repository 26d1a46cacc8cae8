<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
    <context>
        <name>AnnotationLayer</name>
        <message>
            <source>&amp;Highlight</source>
            <extracomment>doc id: items were added, edited, deleted or restored doc id: annotation changes are on disk why (the file is named); the changes stay in memory whether a deletion can be undone doc id ("" for none): another document is in the reader</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add or Edit &amp;Note…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Bookmark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a document first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{path} is read-only here; annotations cannot be changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select some text to highlight</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select some text to write a note about</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bookmarked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Deleted; Ctrl+Z in the annotations panel undoes it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This annotation's text is not in the document now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Highlight in Colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove Highlight</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AnnotationsPanel</name>
        <message>
            <source>All colours</source>
            <extracomment>Filter choices: (value, label); "orphaned" lists items whose text was lost. item id (the layer answers it)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter annotations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Annotations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{shown} of {total} annotations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n} annotations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bookmark: {q}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>orphaned: not found in the current text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show in Text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit Note…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export Annotations</source>
            <extracomment>format key → (label, file suffix, file-dialog filter) the file names another document (placed by quote anyway)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Script</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>JSON-LD keeps the document's own text, so it can be imported again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quotes and chapter titles are shown in the chosen script.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export annotations</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find in document (either script)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Previous match (Shift+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next match (Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>searching…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no matches</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (loading…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{i} of {n}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <source>Note</source>
            <extracomment>Colours as painted: translucent, so they read on the light, sepia and dark pages. Char-format property holding the id of the item painted on a character.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note text</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReaderPane</name>
        <message>
            <source>Document title</source>
            <extracomment>A document up to this size is one piece, built exactly as ``build_view`` builds it.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Document details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Document text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No document open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Double-click a document in the library to read it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReaderToolbar</name>
        <message>
            <source>Reader</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Script</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set as Default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Use this script for documents not set otherwise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clean</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide web boilerplate and pinyin hints (off: raw)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pinyin: hidden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pinyin: on hover</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pinyin: inline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pinyin hints</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Font</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Font size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Line spacing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Page width (characters; 0: full width)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Theme: system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Light</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dark</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sepia</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Theme</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TocPanel</name>
        <message>
            <source>Table of contents</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>parent</name>
        <message>
            <source>Open a document first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported {n} annotations to {path}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import annotations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>W3C Web Annotations (*.jsonld *.json);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import failed</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
