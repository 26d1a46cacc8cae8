<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;h3&gt;Tongwen 同文 {version}&lt;/h3&gt;&lt;p&gt;A reader for Chinese documents in Simplified and Traditional script.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import &amp;Folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit Metadata…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-&amp;decode…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About Tongwen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find &amp;Next</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find &amp;Previous</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Annotations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Highlight in &amp;Colour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xport Annotations…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Im&amp;port Annotations…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search the Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n} documents · {chars:,} characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot open the document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Documents ({patterns});;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import a folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An import is already running</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported {n} of {total} files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot save the metadata</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot decode “{t}” as {e}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove documents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move {n} document(s) to the library's trash?

{titles}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot remove a document</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
