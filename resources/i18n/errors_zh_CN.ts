<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>MetadataDialog</name>
        <message>
            <source>Edit metadata</source>
            <extracomment>Encodings offered for re-decoding, with names a reader recognises.</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Author</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Source</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Published</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A date like 2024-08-04, 2024-08 or 2024</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leave a field empty to use the value found in the file.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReencodeDialog</name>
        <message>
            <source>Re-decode</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encoding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“{title}” was decoded as {enc}. Decode the original file again as:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>parent</name>
        <message>
            <source>Import finished</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported: {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Already in the library: {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skipped: {n}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed: {n}</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
