<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>IndexService</name>
        <message>
            <source>The search index is not available</source>
            <extracomment>Documents re-indexed per background job (searches may run between jobs). Wait before trying again when another process is writing the index. called on the UI thread with the results and what ``prepare`` made of them called in the worker with the results (e.g. to read text around the hits) a status-bar message ("" when the work is done) the index became usable (or unusable) documents were (re)indexed: visible results may be stale</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search index busy: {m}; retrying…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the search index…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rebuilding search index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Updating search index</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The search index cannot be built: {m}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Indexing documents… {done} of {total}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LibraryPane</name>
        <message>
            <source>Filter by title, author, source…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit metadata…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re-decode with another encoding…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SearchPane</name>
        <message>
            <source>Search the library — 简体 or 繁體, "phrases", -exclude, title:…</source>
            <extracomment>Pause after the last keystroke before searching. doc id, canonical hit ranges how many rows are listed (after each search)</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search the library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waiting for the search index…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Searching…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search failed: {m}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No documents match “{q}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n} documents match; the best {k} are shown.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n} document(s) match.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
