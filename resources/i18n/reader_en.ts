<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AnnotationFiles</name>
        <message numerus="yes">
            <source>Imported %n annotation(s) from {file}: {placed} placed, {orphaned} orphaned (their text was not found).</source>
            <extracomment>the file names another document (placed by quote anyway)</extracomment>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>Imported %n annotation from {file}: {placed} placed, {orphaned} orphaned (their text was not found).</numerusform>
                <numerusform>Imported %n annotations from {file}: {placed} placed, {orphaned} orphaned (their text was not found).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exported %n annotation(s) to {file}.</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>Exported %n annotation to {file}.</numerusform>
                <numerusform>Exported %n annotations to {file}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AnnotationsPanel</name>
        <message numerus="yes">
            <source>%n of {total} annotation(s) shown</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>%n of {total} annotation shown</numerusform>
                <numerusform>%n of {total} annotations shown</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n annotation(s)</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>%n annotation</numerusform>
                <numerusform>%n annotations</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChaptersDialog</name>
        <message numerus="yes">
            <source>%n heading(s) found.</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>%n heading found.</numerusform>
                <numerusform>%n headings found.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The first %n are listed.</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>The first %n are listed.</numerusform>
                <numerusform>The first %n are listed.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>UnsavedDialog</name>
        <message numerus="yes">
            <source>%n highlight(s), note(s) or bookmark(s) in “{title}” could not be saved.</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>%n highlight, note or bookmark in “{title}” could not be saved.</numerusform>
                <numerusform>%n highlights, notes or bookmarks in “{title}” could not be saved.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Discard %n Change(s)</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>&amp;Discard %n Change</numerusform>
                <numerusform>&amp;Discard %n Changes</numerusform>
            </translation>
        </message>
    </context>
</TS>
