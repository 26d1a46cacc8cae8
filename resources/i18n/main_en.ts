<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%n damaged file(s) in the library were repaired or set aside; nothing was deleted. Help ▸ Open the Log File tells which.</source>
            <translation>
                <numerusform>%n damaged file in the library was repaired or set aside; nothing was deleted. Help ▸ Open the Log File tells which.</numerusform>
                <numerusform>%n damaged files in the library were repaired or set aside; nothing was deleted. Help ▸ Open the Log File tells which.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s)</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>%n document</numerusform>
                <numerusform>%n documents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Move %n document(s) to the library's trash?</source>
            <translatorcomment>English plural forms derived from the source</translatorcomment>
            <translation>
                <numerusform>Move %n document to the library's trash?</numerusform>
                <numerusform>Move %n documents to the library's trash?</numerusform>
            </translation>
        </message>
    </context>
</TS>
