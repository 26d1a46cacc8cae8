<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>IndexService</name>
        <message numerus="yes">
            <source>The search index covers all %n document(s) of the library.</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>The search index covers all %n document of the library.</numerusform>
                <numerusform>The search index covers all %n documents of the library.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RenameTagDialog</name>
        <message numerus="yes">
            <source>The tag “{tag}” of %n document(s) gets the new name. A name that is already a tag joins the two.</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>The tag “{tag}” of %n document gets the new name. A name that is already a tag joins the two.</numerusform>
                <numerusform>The tag “{tag}” of %n documents gets the new name. A name that is already a tag joins the two.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchPane</name>
        <message numerus="yes">
            <source>About %n document(s) match; the best {k} are shown.</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>About %n document match; the best {k} are shown.</numerusform>
                <numerusform>About %n documents match; the best {k} are shown.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) match; the best {k} are shown.</source>
            <translation>
                <numerusform>%n document matches; the best {k} are shown.</numerusform>
                <numerusform>%n documents match; the best {k} are shown.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) match.</source>
            <translation>
                <numerusform>%n document matches.</numerusform>
                <numerusform>%n documents match.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TagDialog</name>
        <message numerus="yes">
            <source>Tags of %n Document(s)</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>Tags of %n Document</numerusform>
                <numerusform>Tags of %n Documents</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message numerus="yes">
            <source>Restored %n document(s):</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>Restored %n document:</numerusform>
                <numerusform>Restored %n documents:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n document(s) and their annotations for good? This cannot be undone.</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>Delete %n document and their annotations for good? This cannot be undone.</numerusform>
                <numerusform>Delete %n documents and their annotations for good? This cannot be undone.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Deleted %n document(s) for good.</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>Deleted %n document for good.</numerusform>
                <numerusform>Deleted %n documents for good.</numerusform>
            </translation>
        </message>
    </context>
</TS>
