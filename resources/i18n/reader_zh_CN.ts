<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AidSources</name>
        <message>
            <source>The reading corrections cannot be read: {problem}</source>
            <extracomment>``(view start, canonical start, view)`` of a loaded piece (``ReaderPane.pieces()``). why, in the reader's language (the file named) a reader (or one with new corrections) is ready why the dictionary could not be loaded ("" if it could)</extracomment>
            <translation>无法读取读音更正：{problem}</translation>
        </message>
        <message>
            <source>Readings cannot be shown: {problem}</source>
            <translation>无法显示读音：{problem}</translation>
        </message>
    </context>
    <context>
        <name>AnnotationColours</name>
        <message>
            <source>Yellow</source>
            <extracomment>The colours, as red, green and blue (the key None: a note without a highlight colour). English colour names (translated when shown: :func:`color_label`).</extracomment>
            <translation>黄色</translation>
        </message>
        <message>
            <source>Green</source>
            <translation>绿色</translation>
        </message>
        <message>
            <source>Blue</source>
            <translation>蓝色</translation>
        </message>
        <message>
            <source>Pink</source>
            <translation>粉色</translation>
        </message>
        <message>
            <source>Purple</source>
            <translation>紫色</translation>
        </message>
    </context>
    <context>
        <name>AnnotationFiles</name>
        <message>
            <source>Markdown</source>
            <extracomment>format key → (label, file suffix, file-dialog filter); labels translated when shown</extracomment>
            <translation>Markdown</translation>
        </message>
        <message>
            <source>W3C Web Annotation (JSON-LD)</source>
            <translation>W3C 网页批注（JSON 格式）</translation>
        </message>
        <message>
            <source>the file or folder does not exist</source>
            <translation>文件或文件夹不存在</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>没有访问权限</translation>
        </message>
        <message>
            <source>the disk is full</source>
            <translation>磁盘已满</translation>
        </message>
        <message>
            <source>the disk is read-only</source>
            <translation>磁盘是只读的</translation>
        </message>
        <message>
            <source>it is a folder</source>
            <translation>这是一个文件夹</translation>
        </message>
        <message>
            <source>Bookmark</source>
            <translation>书签</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>笔记</translation>
        </message>
        <message>
            <source>Orphaned</source>
            <translation>已失去位置</translation>
        </message>
        <message>
            <source>not found in the current text</source>
            <translation>在当前文本中找不到</translation>
        </message>
        <message>
            <source>Before the first chapter</source>
            <translation>第一章之前</translation>
        </message>
        <message>
            <source>No annotations.</source>
            <translation>没有批注。</translation>
        </message>
        <message>
            <source>Author</source>
            <translation>作者</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>发布日期</translation>
        </message>
        <message>
            <source>Cannot write {file}: {problem}.</source>
            <translation>无法写入 {file}：{problem}。</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n annotation(s) from {file}: {placed} placed, {orphaned} orphaned (their text was not found).</source>
            <extracomment>the file names another document (placed by quote anyway)</extracomment>
            <translation>
                <numerusform>已从 {file} 导入 %n 条批注：{placed} 条已定位，{orphaned} 条未能定位（原文中找不到对应文字）。</numerusform>
            </translation>
        </message>
        <message>
            <source>{n} of them were already here (or deleted here since).</source>
            <translation>其中 {n} 条已经存在（或之后已在此删除）。</translation>
        </message>
        <message>
            <source>The file was exported from another document.</source>
            <translation>该文件是从另一篇文档导出的。</translation>
        </message>
        <message>
            <source>Cannot read {file}: {problem}.</source>
            <translation>无法读取 {file}：{problem}。</translation>
        </message>
        <message>
            <source>{file} is not a JSON file (it is not UTF-8 text).</source>
            <translation>{file} 不是 JSON 文件（不是 UTF-8 文本）。</translation>
        </message>
        <message>
            <source>{file} is not a JSON file (error at line {line}, column {column}).</source>
            <translation>{file} 不是有效的 JSON 文件（第 {line} 行第 {column} 列有错误）。</translation>
        </message>
        <message>
            <source>{file} is not W3C Web Annotation data; nothing was imported.</source>
            <translation>{file} 不是 W3C 网页批注数据，未导入任何内容。</translation>
        </message>
        <message>
            <source>Open a document first</source>
            <translation>请先打开一篇文档</translation>
        </message>
        <message>
            <source>Choose another folder, or free some space, and export again.</source>
            <translation>请选择其他文件夹，或腾出磁盘空间后重新导出。</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n annotation(s) to {file}.</source>
            <translation>
                <numerusform>已将 %n 条批注导出到 {file}。</numerusform>
            </translation>
        </message>
        <message>
            <source>Import Annotations</source>
            <translation>导入批注</translation>
        </message>
        <message>
            <source>W3C Web Annotations (*.jsonld *.json)</source>
            <translation>W3C 网页批注 (*.jsonld *.json)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Choose a file exported from Tongwen's annotations (W3C JSON-LD).</source>
            <translation>请选择从同文导出的批注文件（W3C 格式的 .jsonld 文件）。</translation>
        </message>
        <message>
            <source>Import failed</source>
            <translation>导入失败</translation>
        </message>
    </context>
    <context>
        <name>AnnotationLayer</name>
        <message>
            <source>&amp;Highlight</source>
            <extracomment>Adds entries for viewport point ``pos`` to the text menu (see AnnotationLayer.menu_providers). doc id: items were added, edited, deleted or restored doc id: annotation changes are on disk why (the file is named); the changes stay in memory whether a deletion can be undone doc id ("" for none): another document is in the reader the close question (tests answer it) where "Save a Copy…" writes Called with the text menu and the viewport point after our entries, in order: other features (conversion corrections …) add theirs at the end.</extracomment>
            <translation>高亮(&amp;H)</translation>
        </message>
        <message>
            <source>Add or Edit &amp;Note…</source>
            <translation>添加或编辑笔记(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Bookmark</source>
            <translation>书签(&amp;B)</translation>
        </message>
        <message>
            <source>Add a bookmark here, or remove the one here</source>
            <translation>在此处添加书签，或删除此处的书签</translation>
        </message>
        <message>
            <source>Open a document first</source>
            <translation>请先打开一篇文档</translation>
        </message>
        <message>
            <source>{path} is read-only here; annotations cannot be changed</source>
            <translation>{path} 在此处是只读的，无法修改批注</translation>
        </message>
        <message>
            <source>Select some text to highlight</source>
            <translation>请先选中要高亮的文字</translation>
        </message>
        <message>
            <source>Select some text to write a note about</source>
            <translation>请先选中要加笔记的文字</translation>
        </message>
        <message>
            <source>Bookmarked</source>
            <translation>已添加书签</translation>
        </message>
        <message>
            <source>Bookmark removed; Ctrl+Z in the panel restores it</source>
            <translation>书签已删除；在批注面板中按 Ctrl+Z 可恢复</translation>
        </message>
        <message>
            <source>Deleted; Ctrl+Z in the annotations panel undoes it</source>
            <translation>已删除；在批注面板中按 Ctrl+Z 可撤销</translation>
        </message>
        <message>
            <source>{file} cannot be read for now ({problem}). It was left as it is; new highlights and notes are kept and saved into it once it can be read.</source>
            <extracomment>doc id: annotation changes are on disk why (the file is named); the changes stay in memory doc id: the shown store read its file again (another process wrote it) unsaved changes of an older store of the shown document were moved into it</extracomment>
            <translation>{file} 暂时无法读取（{problem}）。文件保持原样；新的高亮和笔记会保留，等能读取时再存入。</translation>
        </message>
        <message>
            <source>“{title}”: {problem}</source>
            <translation>“{title}”：{problem}</translation>
        </message>
        <message>
            <source>This annotation's text is not in the document now</source>
            <translation>这条批注对应的文字已不在当前文档中</translation>
        </message>
        <message>
            <source>Text menu</source>
            <translation>文字菜单</translation>
        </message>
        <message>
            <source>Highlight in Colour</source>
            <translation>按颜色高亮</translation>
        </message>
        <message>
            <source>Remove Highlight</source>
            <translation>删除高亮</translation>
        </message>
    </context>
    <context>
        <name>AnnotationsPanel</name>
        <message>
            <source>All colours</source>
            <translation>全部颜色</translation>
        </message>
        <message>
            <source>Filter…</source>
            <translation>筛选…</translation>
        </message>
        <message>
            <source>All kinds</source>
            <extracomment>Filter choices: (value, label); "orphaned" lists items whose text was lost.</extracomment>
            <translation>全部类型</translation>
        </message>
        <message>
            <source>Highlights</source>
            <translation>高亮</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>笔记</translation>
        </message>
        <message>
            <source>Bookmarks</source>
            <translation>书签</translation>
        </message>
        <message>
            <source>Orphaned</source>
            <translation>未定位</translation>
        </message>
        <message>
            <source>Problems with the annotation file</source>
            <extracomment>item id (the layer answers it)</extracomment>
            <translation>批注文件的问题</translation>
        </message>
        <message>
            <source>Show kind</source>
            <translation>显示类型</translation>
        </message>
        <message>
            <source>Show only highlights, notes, bookmarks or orphans</source>
            <translation>只显示高亮、笔记、书签或未定位的批注</translation>
        </message>
        <message>
            <source>Show colour</source>
            <translation>显示颜色</translation>
        </message>
        <message>
            <source>Show only annotations of one colour</source>
            <translation>只显示某一种颜色的批注</translation>
        </message>
        <message>
            <source>Filter annotations by text</source>
            <translation>按文字筛选批注</translation>
        </message>
        <message>
            <source>Annotations</source>
            <translation>批注</translation>
        </message>
        <message>
            <source>Number of annotations</source>
            <translation>批注数量</translation>
        </message>
        <message>
            <source>Note…</source>
            <translation>笔记…</translation>
        </message>
        <message>
            <source>Write or edit the note of the selected annotation</source>
            <translation>为选中的批注写笔记或编辑笔记</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <source>Change colour</source>
            <translation>更改颜色</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message numerus="yes">
            <source>%n of {total} annotation(s) shown</source>
            <translation>
                <numerusform>显示 %n 条，共 {total} 条批注</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n annotation(s)</source>
            <translation>
                <numerusform>%n 条批注</numerusform>
            </translation>
        </message>
        <message>
            <source>Bookmark: {q}</source>
            <translation>书签：{q}</translation>
        </message>
        <message>
            <source>orphaned: not found in the current text</source>
            <translation>未定位：当前文本中找不到</translation>
        </message>
        <message>
            <source>{file} needed repairs while loading (a damaged file or a conflict copy); nothing was lost. Help ▸ Open the Log File lists them.</source>
            <translation>{file} 在载入时做了修复（文件损坏或存在冲突副本），没有丢失任何内容。帮助 ▸ 打开日志文件 中列有详情。</translation>
        </message>
        <message>
            <source>Show in Text</source>
            <translation>在正文中显示</translation>
        </message>
        <message>
            <source>Edit Note…</source>
            <translation>编辑笔记…</translation>
        </message>
    </context>
    <context>
        <name>ChaptersDialog</name>
        <message>
            <source>Chapters of “{title}”</source>
            <extracomment>Headings listed in the preview; the count says how many there are in all. Quiet time after the last change before a preview starts (ms). Lines shown above and below a heading picked in the list.</extracomment>
            <translation>“{title}”的章节</translation>
        </message>
        <message>
            <source>Rule text</source>
            <translation>规则文本</translation>
        </message>
        <message>
            <source>What the rule finds</source>
            <translation>规则找到的内容</translation>
        </message>
        <message>
            <source>Headings found</source>
            <translation>找到的标题</translation>
        </message>
        <message>
            <source>The heading in its place</source>
            <translation>标题在原文中的位置</translation>
        </message>
        <message>
            <source>&amp;Rule:</source>
            <translation>规则(&amp;R)：</translation>
        </message>
        <message>
            <source>&amp;Text:</source>
            <translation>文本(&amp;T)：</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>Chapters: 第…章</source>
            <translation>章：第…章</translation>
        </message>
        <message>
            <source>Chapters: 第…回</source>
            <translation>回：第…回</translation>
        </message>
        <message>
            <source>Sections: 第…节 / 第…節</source>
            <translation>节：第…节 / 第…節</translation>
        </message>
        <message>
            <source>Volumes: 卷… / 第…卷</source>
            <translation>卷：卷… / 第…卷</translation>
        </message>
        <message>
            <source>Chapter N (English)</source>
            <translation>英文 Chapter N</translation>
        </message>
        <message>
            <source>Lines starting with…</source>
            <translation>以某段文字开头的行…</translation>
        </message>
        <message>
            <source>Regular expression…</source>
            <translation>正则表达式…</translation>
        </message>
        <message>
            <source>What every heading line starts with, e.g. 卷</source>
            <translation>每个标题行开头的文字，例如“卷”</translation>
        </message>
        <message>
            <source>A regular expression matched on each line, e.g. ^第.+章</source>
            <translation>逐行匹配的正则表达式，例如 ^第.+章</translation>
        </message>
        <message>
            <source>Tongwen's own rules for Chinese headings</source>
            <translation>同文内置的中文标题规则</translation>
        </message>
        <message>
            <source>Looking for headings…</source>
            <translation>正在查找标题…</translation>
        </message>
        <message>
            <source>Type what the heading lines start with.</source>
            <translation>请输入标题行开头的文字。</translation>
        </message>
        <message>
            <source>Type a regular expression.</source>
            <translation>请输入正则表达式。</translation>
        </message>
        <message>
            <source>No line is a heading by this rule.</source>
            <translation>按此规则没有一行是标题。</translation>
        </message>
        <message numerus="yes">
            <source>%n heading(s) found.</source>
            <translation>
                <numerusform>找到 %n 个标题。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The first %n are listed.</source>
            <translation>
                <numerusform>列出了前 %n 个。</numerusform>
            </translation>
        </message>
        <message>
            <source>This regular expression is not valid: {problem}</source>
            <translation>此正则表达式无效：{problem}</translation>
        </message>
        <message>
            <source>This rule was still searching after {seconds} seconds and was stopped; try a simpler expression.</source>
            <translation>此规则查找了 {seconds} 秒仍未结束，已停止；请试试更简单的表达式。</translation>
        </message>
        <message>
            <source>More than {count} lines match this rule: that is not a table of contents.</source>
            <translation>超过 {count} 行符合此规则：这不是目录。</translation>
        </message>
        <message>
            <source>The headings could not be found: {problem}</source>
            <translation>无法查找标题：{problem}</translation>
        </message>
        <message>
            <source>Open a document to choose how its chapters are found.</source>
            <translation>请先打开文档，再选择如何查找它的章节。</translation>
        </message>
        <message>
            <source>Cannot read the document</source>
            <translation>无法读取文档</translation>
        </message>
        <message>
            <source>Cannot save the chapters</source>
            <translation>无法保存章节</translation>
        </message>
    </context>
    <context>
        <name>ConversionCorrections</name>
        <message>
            <source>&amp;Undo</source>
            <extracomment>a correction failed: why, naming the file a correction or its undo is stored and shown</extracomment>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>Take back the last conversion correction</source>
            <translation>撤销上一次转换更正</translation>
        </message>
        <message>
            <source>Mark Conversions to &amp;Check</source>
            <translation>标出需核对的转换(&amp;C)</translation>
        </message>
        <message>
            <source>Underline the words where OpenCC chose one of several forms</source>
            <translation>在 OpenCC 从多个字形中择一的词下画线</translation>
        </message>
        <message>
            <source>Correct Conversion of “{word}”</source>
            <translation>更正“{word}”的转换</translation>
        </message>
        <message>
            <source>This document ({script})</source>
            <translation>本文档（{script}）</translation>
        </message>
        <message>
            <source>All documents ({script})</source>
            <translation>所有文档（{script}）</translation>
        </message>
        <message>
            <source>Remove the Rule “{source}” → “{target}”</source>
            <translation>删除规则“{source}”→“{target}”</translation>
        </message>
        <message>
            <source>{word} (shown now)</source>
            <translation>{word}（当前显示）</translation>
        </message>
        <message>
            <source>{word} (OpenCC's choice)</source>
            <translation>{word}（OpenCC 的选择）</translation>
        </message>
        <message>
            <source>Keep the Original “{word}”</source>
            <translation>保留原文“{word}”</translation>
        </message>
        <message>
            <source>Rule removed: “{source}” is converted by OpenCC again.</source>
            <translation>规则已删除：“{source}”重新由 OpenCC 转换。</translation>
        </message>
        <message>
            <source>“{source}” is now kept as written in all documents ({script}).</source>
            <translation>“{source}”现在在所有文档中保留原文（{script}）。</translation>
        </message>
        <message>
            <source>“{source}” is now kept as written in this document ({script}).</source>
            <translation>“{source}”现在在本文档中保留原文（{script}）。</translation>
        </message>
        <message>
            <source>“{source}” is now shown as “{target}” in all documents ({script}).</source>
            <translation>“{source}”现在在所有文档中显示为“{target}”（{script}）。</translation>
        </message>
        <message>
            <source>“{source}” is now shown as “{target}” in this document ({script}).</source>
            <translation>“{source}”现在在本文档中显示为“{target}”（{script}）。</translation>
        </message>
        <message>
            <source>The conversion correction was undone.</source>
            <translation>转换更正已撤销。</translation>
        </message>
    </context>
    <context>
        <name>ConversionRuleService</name>
        <message>
            <source>{file} was damaged; the conversion rules of its backup are used.</source>
            <extracomment>A change for the worker: it gets the store and returns its result.</extracomment>
            <translation>{file} 已损坏；现使用其备份中的转换规则。</translation>
        </message>
        <message>
            <source>{file} cannot be used, so the views show OpenCC's conversion without your corrections.</source>
            <translation>{file} 无法使用，因此显示的是不含您的更正的 OpenCC 转换。</translation>
        </message>
        <message>
            <source>The conversion rules were not changed: {reason}</source>
            <extracomment>the rules were read again (after a change, or :meth:`reload`) a change was not made: why, naming the file the rules file could not be used as it is (see book_problem)</extracomment>
            <translation>转换规则未更改：{reason}</translation>
        </message>
    </context>
    <context>
        <name>CorrectReadingDialog</name>
        <message>
            <source>Correct Reading</source>
            <translation>更正读音</translation>
        </message>
        <message>
            <source>Readings of “{word}”, one per character, in pinyin with tone marks or numbers (háng or hang2). The correction applies wherever the word appears, in every document.</source>
            <translation>“{word}”的读音，每字一个，用带声调符号或数字的拼音（háng 或 hang2）。更正适用于所有文档中该词出现的每一处。</translation>
        </message>
        <message>
            <source>Reading of {char}</source>
            <translation>{char} 的读音</translation>
        </message>
        <message>
            <source>“{reading}” is not a pinyin syllable.</source>
            <translation>“{reading}”不是拼音音节。</translation>
        </message>
    </context>
    <context>
        <name>CorrectionNotice</name>
        <message>
            <source>Conversion correction</source>
            <extracomment>How long the notice of a change stays in the status bar.</extracomment>
            <translation>转换更正</translation>
        </message>
    </context>
    <context>
        <name>DecodeWarningBar</name>
        <message>
            <source>Decoding warning</source>
            <translation>解码警告</translation>
        </message>
        <message>
            <source>Re-decode…</source>
            <translation>重新解码…</translation>
        </message>
        <message>
            <source>This file may have been decoded wrongly (read as {encoding}). If the text looks garbled, choose another encoding.</source>
            <translation>此文件可能解码有误（按 {encoding} 读取）。如果文字是乱码，请选择其他编码。</translation>
        </message>
    </context>
    <context>
        <name>DictionaryPopup</name>
        <message>
            <source>Dictionary</source>
            <extracomment>How many senses of a shorter word are shown (all of the word's own are). Widest the card grows, in characters of the body font. -1 previous word, +1 next word</extracomment>
            <translation>词典</translation>
        </message>
        <message>
            <source>Word</source>
            <translation>词语</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translation>关闭（Esc）</translation>
        </message>
        <message>
            <source>Close the dictionary</source>
            <translation>关闭词典</translation>
        </message>
        <message>
            <source>Words inside</source>
            <translation>其中的词</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export Annotations</source>
            <translation>导出批注</translation>
        </message>
        <message>
            <source>Format</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>Script</source>
            <translation>文字</translation>
        </message>
        <message>
            <source>JSON-LD keeps the document's own text, so it can be imported again.</source>
            <translation>JSON 格式保留文档的原文，以后可以再导入。</translation>
        </message>
        <message>
            <source>Quotes and chapter titles are shown in the chosen script.</source>
            <translation>引文和章节标题以所选文字显示。</translation>
        </message>
    </context>
    <context>
        <name>FigureLines</name>
        <message>
            <source>The picture file {path} is missing from the library folder.</source>
            <translation>书库文件夹中缺少图片文件 {path}。</translation>
        </message>
        <message>
            <source>The picture file {path} is damaged: it is not the picture it should be.</source>
            <translation>图片文件 {path} 已损坏：它不是原来的那张图片。</translation>
        </message>
        <message>
            <source>This picture was not kept: it is larger than a picture may be (20 MB), or the document's pictures pass 200 MB in all.</source>
            <translation>这张图片没有保留：它超过了单张图片的上限（20 MB），或文档的图片总计超过 200 MB。</translation>
        </message>
        <message>
            <source>SVG pictures are not shown: they can load other files.</source>
            <translation>不显示 SVG 图片：它们可能加载其他文件。</translation>
        </message>
        <message>
            <source>This picture was not kept: it is not PNG, JPEG, GIF or WebP ({src}).</source>
            <translation>这张图片没有保留：它不是 PNG、JPEG、GIF 或 WebP（{src}）。</translation>
        </message>
        <message>
            <source>The document names this picture ({src}) but does not hold a readable copy.</source>
            <translation>文档提到了这张图片（{src}），但文档中没有可读的副本。</translation>
        </message>
        <message>
            <source>This picture is not inside the document: it points to {src}. Tongwen loads nothing from outside a document.</source>
            <translation>这张图片不在文档内：它指向 {src}。同文不会从文档之外加载任何内容。</translation>
        </message>
        <message>
            <source>Click to show the picture</source>
            <translation>点击显示图片</translation>
        </message>
        <message>
            <source>Show &amp;Picture</source>
            <translation>显示图片(&amp;P)</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find in document (either script)</source>
            <translation>在文档中查找（简繁皆可）</translation>
        </message>
        <message>
            <source>Find in document</source>
            <translation>在文档中查找</translation>
        </message>
        <message>
            <source>Matches found</source>
            <translation>找到的匹配</translation>
        </message>
        <message>
            <source>Previous match (Shift+Enter)</source>
            <translation>上一个匹配 (Shift+Enter)</translation>
        </message>
        <message>
            <source>Next match (Enter)</source>
            <translation>下一个匹配 (Enter)</translation>
        </message>
        <message>
            <source>Close the find bar (Esc)</source>
            <translation>关闭查找栏 (Esc)</translation>
        </message>
        <message>
            <source>{i} of {n} (still loading…)</source>
            <translation>第 {i} 个，共 {n} 个（仍在加载…）</translation>
        </message>
        <message>
            <source>searching…</source>
            <translation>正在查找…</translation>
        </message>
        <message>
            <source>no matches</source>
            <translation>没有匹配</translation>
        </message>
        <message>
            <source>{i} of {n}</source>
            <translation>第 {i} 个，共 {n} 个</translation>
        </message>
    </context>
    <context>
        <name>Fonts</name>
        <message>
            <source>No Chinese font found (looked for Noto CJK, Source Han, PingFang, Microsoft YaHei/JhengHei): characters may show as empty boxes. Install a Chinese font, for example Noto Sans CJK (fonts-noto-cjk), and restart Tongwen.</source>
            <extracomment>Preferred families per region, best first: serif for long reading, then sans.</extracomment>
            <translation>未找到中文字体（已查找思源/Noto CJK、苹方、微软雅黑/正黑）：文字可能显示为空白方框。请安装中文字体（例如 Noto Sans CJK，软件包 fonts-noto-cjk），然后重新启动同文。</translation>
        </message>
    </context>
    <context>
        <name>HintBar</name>
        <message>
            <source>Tips for reading</source>
            <extracomment>The one-time hint shown with the first document (``AppSettings.hint_seen``).</extracomment>
            <translation>阅读提示</translation>
        </message>
        <message>
            <source>To switch between 简体 and 繁體, use the 原文 · 简 · 繁 · 臺 · 港 buttons on the toolbar.</source>
            <translation>要在简体和繁體之间切换，请使用工具栏上的 原文 · 简 · 繁 · 臺 · 港 按钮。</translation>
        </message>
        <message>
            <source>Select text and right-click it to highlight it or add a note or a bookmark.</source>
            <translation>选中文字后右键即可高亮、加笔记或书签</translation>
        </message>
        <message>
            <source>Close the tips (they will not come back)</source>
            <translation>关闭提示（以后不再显示）</translation>
        </message>
        <message>
            <source>Close the tips</source>
            <translation>关闭提示</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <source>Note</source>
            <extracomment>Characters of the quote shown above the note (a longer quote ends with "…").</extracomment>
            <translation>笔记</translation>
        </message>
        <message>
            <source>“{quote}”</source>
            <translation>“{quote}”</translation>
        </message>
        <message>
            <source>Quoted text</source>
            <translation>引文</translation>
        </message>
        <message>
            <source>Note text</source>
            <translation>笔记内容</translation>
        </message>
        <message>
            <source>Write your note here</source>
            <translation>在这里写笔记</translation>
        </message>
    </context>
    <context>
        <name>PictureViewer</name>
        <message>
            <source>Picture — {title}</source>
            <extracomment>Zoom steps of the viewer, as factors of the picture's own size. Marks a figure line's characters (a char format property of our own).</extracomment>
            <translation>图片 — {title}</translation>
        </message>
        <message>
            <source>Picture</source>
            <translation>图片</translation>
        </message>
        <message>
            <source>Why the picture is not shown</source>
            <translation>图片为何没有显示</translation>
        </message>
        <message>
            <source>Alt text</source>
            <translation>替代文字</translation>
        </message>
        <message>
            <source>Caption</source>
            <translation>图注</translation>
        </message>
        <message>
            <source>Picture size</source>
            <translation>图片尺寸</translation>
        </message>
        <message>
            <source>The picture file {file} cannot be shown: it is damaged, or of a kind this system cannot draw.</source>
            <translation>无法显示图片文件 {file}：它已损坏，或是本系统无法绘制的格式。</translation>
        </message>
        <message>
            <source>{width} × {height} pixels</source>
            <translation>{width} × {height} 像素</translation>
        </message>
    </context>
    <context>
        <name>ReaderPane</name>
        <message>
            <source>Document title</source>
            <translation>文档标题</translation>
        </message>
        <message>
            <source>Document details</source>
            <translation>文档信息</translation>
        </message>
        <message>
            <source>Document text</source>
            <translation>文档正文</translation>
        </message>
        <message>
            <source>No document open</source>
            <translation>没有打开的文档</translation>
        </message>
        <message>
            <source>Double-click a document in the library to read it.</source>
            <translation>在书库中双击一篇文档即可阅读。</translation>
        </message>
        <message>
            <source>The annotations and reading position of “{title}” cannot be read, so the document opens at its start. {problem}</source>
            <translation>无法读取“{title}”的批注和阅读位置，文档将从开头打开。{problem}</translation>
        </message>
        <message>
            <source>The annotations of “{title}” needed repairs while loading (a damaged file or a conflict copy); nothing was lost. The annotations panel and the log say more.</source>
            <translation>载入“{title}”的批注时做了修复（文件损坏或存在冲突副本），没有丢失任何内容。详情见批注面板和日志。</translation>
        </message>
        <message>
            <source>Text of “{title}”</source>
            <translation>《{title}》正文</translation>
        </message>
        <message>
            <source>This is the last chapter</source>
            <translation>已经是最后一章</translation>
        </message>
    </context>
    <context>
        <name>ReaderToolbar</name>
        <message>
            <source>Reader</source>
            <translation>阅读器</translation>
        </message>
        <message>
            <source>Set as Default</source>
            <translation>设为默认</translation>
        </message>
        <message>
            <source>Use this script for documents not set otherwise</source>
            <translation>未单独设置的文档都使用这种文字</translation>
        </message>
        <message>
            <source>Vertical</source>
            <translation>直排</translation>
        </message>
        <message>
            <source>Read in vertical columns from right to left, paged like a printed book</source>
            <translation>竖排从右到左分栏阅读，像印刷书一样分页</translation>
        </message>
        <message>
            <source>Clean</source>
            <translation>纯净阅读</translation>
        </message>
        <message>
            <source>Hide web boilerplate and pinyin hints (off: raw)</source>
            <translation>隐藏网页杂项和拼音注音（关闭：显示原始文本）</translation>
        </message>
        <message>
            <source>Aa</source>
            <translation>Aa</translation>
        </message>
        <message>
            <source>Typography</source>
            <translation>排版</translation>
        </message>
        <message>
            <source>Font, size, line spacing, page width, theme and pinyin hints</source>
            <translation>字体、字号、行距、版心宽度、主题和拼音注音</translation>
        </message>
    </context>
    <context>
        <name>ReadingAids</name>
        <message>
            <source>None</source>
            <extracomment>The ruby choices as the toolbar and the menus name them.</extracomment>
            <translation>无</translation>
        </message>
        <message>
            <source>Pinyin</source>
            <translation>拼音</translation>
        </message>
        <message>
            <source>Zhuyin (Bopomofo)</source>
            <translation>注音（ㄅㄆㄇ）</translation>
        </message>
        <message>
            <source>&amp;Look Up</source>
            <extracomment>The longest word a correction may hold (as desktop.core.readings.corrections). Asks for a word's readings (the dialog; tests answer it): parent, word, readings.</extracomment>
            <translation>查词(&amp;L)</translation>
        </message>
        <message>
            <source>Look up the selected word, or the word under the pointer</source>
            <translation>查所选的词，或指针下的词</translation>
        </message>
        <message>
            <source>Look-Up &amp;Mode</source>
            <translation>查词模式(&amp;M)</translation>
        </message>
        <message>
            <source>Look up each word the pointer rests on (or hold Ctrl while pointing)</source>
            <translation>指针停在哪个词上就查哪个词（或指向时按住 Ctrl）</translation>
        </message>
        <message>
            <source>Correct &amp;Reading…</source>
            <translation>更正读音(&amp;R)…</translation>
        </message>
        <message>
            <source>Look Up “{word}”</source>
            <translation>查“{word}”</translation>
        </message>
        <message>
            <source>Correct Reading…</source>
            <translation>更正读音…</translation>
        </message>
        <message>
            <source>Select a word in Chinese characters to correct its reading</source>
            <translation>请选中一个汉字词语以更正其读音</translation>
        </message>
        <message>
            <source>Loading the readings…</source>
            <translation>正在加载读音…</translation>
        </message>
        <message>
            <source>Reading of “{word}” saved: {reading}</source>
            <translation>“{word}”的读音已保存：{reading}</translation>
        </message>
        <message>
            <source>The reading of “{word}” was not saved: {problem}</source>
            <translation>“{word}”的读音未保存：{problem}</translation>
        </message>
    </context>
    <context>
        <name>ReadingHistory</name>
        <message>
            <source>&amp;Back</source>
            <extracomment>Places kept behind (and ahead of) the reader; the oldest go first.</extracomment>
            <translation>后退(&amp;B)</translation>
        </message>
        <message>
            <source>Back to where you were before the last jump</source>
            <translation>回到上次跳转之前的位置</translation>
        </message>
        <message>
            <source>&amp;Forward</source>
            <translation>前进(&amp;F)</translation>
        </message>
        <message>
            <source>Forward to where you went back from</source>
            <translation>前进到后退之前的位置</translation>
        </message>
    </context>
    <context>
        <name>RecentDocuments</name>
        <message>
            <source>&amp;Recent</source>
            <extracomment>Longest title shown in the menu, in characters (the rest is cut with "…").</extracomment>
            <translation>最近阅读(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Clear Recent</source>
            <translation>清除最近阅读(&amp;C)</translation>
        </message>
        <message>
            <source>No Recent Documents</source>
            <translation>没有最近阅读的文档</translation>
        </message>
    </context>
    <context>
        <name>RegionButton</name>
        <message>
            <source>Regional standard of the text</source>
            <translation>文本的地区用字标准</translation>
        </message>
        <message>
            <source>Automatic (detected: {region})</source>
            <translation>自动（检测为：{region}）</translation>
        </message>
        <message>
            <source>简体 converted from {region} Traditional, as chosen for this document</source>
            <translation>简体由{region}繁体转换而来（为此文档选定）</translation>
        </message>
        <message>
            <source>简体 converted from {region} Traditional, as detected in the text</source>
            <translation>简体由{region}繁体转换而来（从文本检测）</translation>
        </message>
        <message>
            <source>Cannot save the regional standard</source>
            <translation>无法保存地区用字标准</translation>
        </message>
    </context>
    <context>
        <name>RegionNames</name>
        <message>
            <source>通用繁體</source>
            <extracomment>The names of the regional standards (Chinese in every UI, like the script names; a 简体 UI may write 台湾用字).</extracomment>
            <translation>通用繁体</translation>
        </message>
        <message>
            <source>臺灣用字</source>
            <translation>台湾用字</translation>
        </message>
        <message>
            <source>香港用字</source>
            <translation>香港用字</translation>
        </message>
    </context>
    <context>
        <name>ScriptNames</name>
        <message>
            <source>原文</source>
            <extracomment>The product's names of the scripts (translated when shown: 简体 is 簡體 in 繁體 UIs).
----------
The scripts' one-character names on the segments (translated: 简 is 簡 in 繁體 UIs).</extracomment>
            <translation>原文</translation>
        </message>
        <message>
            <source>简体</source>
            <translation>简体</translation>
        </message>
        <message>
            <source>繁體</source>
            <translation>繁體</translation>
        </message>
        <message>
            <source>臺灣正體</source>
            <translation>臺灣正體</translation>
        </message>
        <message>
            <source>香港繁體</source>
            <translation>香港繁體</translation>
        </message>
        <message>
            <source>简</source>
            <translation>简</translation>
        </message>
        <message>
            <source>繁</source>
            <translation>繁</translation>
        </message>
        <message>
            <source>臺</source>
            <translation>臺</translation>
        </message>
        <message>
            <source>港</source>
            <translation>港</translation>
        </message>
    </context>
    <context>
        <name>ScriptSegments</name>
        <message>
            <source>Script</source>
            <translation>文字</translation>
        </message>
        <message>
            <source>Show the text as {script}</source>
            <translation>以{script}显示文本</translation>
        </message>
    </context>
    <context>
        <name>StatusLine</name>
        <message>
            <source>Chapter</source>
            <translation>章节</translation>
        </message>
        <message>
            <source>Position in the document</source>
            <translation>在文档中的位置</translation>
        </message>
        <message>
            <source>Drag to go anywhere in the document</source>
            <translation>拖动可跳到文档中的任意位置</translation>
        </message>
        <message>
            <source>Percentage read</source>
            <translation>已读百分比</translation>
        </message>
    </context>
    <context>
        <name>Themes</name>
        <message>
            <source>Theme: as the system</source>
            <extracomment>secondary text: the document's details find hits the find hit shown now dotted underline of characters with a pinyin reading background of the first-run hint bar opacity (0–255) of highlight colours painted over the page Names shown for the theme choices, translated when shown (:func:`theme_label`).</extracomment>
            <translation>主题：跟随系统</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>浅色</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>深色</translation>
        </message>
        <message>
            <source>Sepia</source>
            <translation>护眼米黄</translation>
        </message>
    </context>
    <context>
        <name>TocPanel</name>
        <message>
            <source>Table of contents</source>
            <translation>目录</translation>
        </message>
    </context>
    <context>
        <name>TypographyPopover</name>
        <message>
            <source>Typography</source>
            <translation>排版</translation>
        </message>
        <message>
            <source>Font</source>
            <translation>字体</translation>
        </message>
        <message>
            <source>Font (remembered for each script)</source>
            <translation>字体（每种文字分别记住）</translation>
        </message>
        <message>
            <source>Font size</source>
            <translation>字号</translation>
        </message>
        <message>
            <source> pt</source>
            <translation> 磅</translation>
        </message>
        <message>
            <source>Line spacing</source>
            <translation>行距</translation>
        </message>
        <message>
            <source>Page width (characters; 0: full width)</source>
            <translation>版心宽度（字数；0 为全宽）</translation>
        </message>
        <message>
            <source> characters</source>
            <translation> 字</translation>
        </message>
        <message>
            <source>Full width</source>
            <translation>全宽</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>主题</translation>
        </message>
        <message>
            <source>Hidden</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>On hover</source>
            <translation>悬停时显示</translation>
        </message>
        <message>
            <source>Inline</source>
            <translation>行内显示</translation>
        </message>
        <message>
            <source>Pinyin hints</source>
            <translation>拼音注音</translation>
        </message>
        <message>
            <source>Readings above the text</source>
            <translation>在文字上方显示读音</translation>
        </message>
        <message>
            <source>&amp;Font:</source>
            <translation>字体(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;Size:</source>
            <translation>字号(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Line spacing:</source>
            <translation>行距(&amp;L)：</translation>
        </message>
        <message>
            <source>Page &amp;width:</source>
            <translation>版心宽度(&amp;W)：</translation>
        </message>
        <message>
            <source>&amp;Theme:</source>
            <translation>主题(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Pinyin hints:</source>
            <translation>拼音注音(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Readings above:</source>
            <translation>上方读音(&amp;R)：</translation>
        </message>
    </context>
    <context>
        <name>UnsavedDialog</name>
        <message>
            <source>Unsaved Annotations</source>
            <extracomment>How long closing waits for saves in flight (the window stays responsive meanwhile). highlights, notes and bookmarks changed since the last save why the last save failed, in the UI language ("" if not known)</extracomment>
            <translation>未保存的批注</translation>
        </message>
        <message numerus="yes">
            <source>%n highlight(s), note(s) or bookmark(s) in “{title}” could not be saved.</source>
            <translation>
                <numerusform>“{title}”中有 %n 条高亮、笔记或书签未能保存。</numerusform>
            </translation>
        </message>
        <message>
            <source>Retry once the problem is fixed, or save a copy elsewhere (File ▸ Import Annotations… brings it back later). Discarded changes are lost.</source>
            <translation>问题解决后请重试，或把副本保存到别处（以后用 文件 ▸ 导入批注… 找回）。放弃的更改将会丢失。</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translation>重试(&amp;R)</translation>
        </message>
        <message>
            <source>Save a &amp;Copy…</source>
            <translation>保存副本(&amp;C)…</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Discard %n Change(s)</source>
            <translation>
                <numerusform>放弃 %n 处更改(&amp;D)</numerusform>
            </translation>
        </message>
        <message>
            <source>{title} annotations.json</source>
            <translation>{title} 批注.json</translation>
        </message>
        <message>
            <source>Save a Copy of the Annotations</source>
            <translation>保存批注副本</translation>
        </message>
        <message>
            <source>Web Annotation JSON (*.json)</source>
            <translation>Web 批注 JSON (*.json)</translation>
        </message>
    </context>
    <context>
        <name>VerticalMode</name>
        <message>
            <source>Vertical text</source>
            <translation>直排文字</translation>
        </message>
    </context>
    <context>
        <name>WordLookup</name>
        <message>
            <source>Loading the dictionary…</source>
            <extracomment>Lines Left and Right look through for the next word before giving up. Opacity (0-255) of the mark over the word shown. look-up mode: hovering looks words up The word shown: its piece (by canonical start) and the word in its view. Vertical mode (issue 19): the page words are found on and shown, when not the text.</extracomment>
            <translation>正在加载词典…</translation>
        </message>
        <message>
            <source>“{text}” is not in the dictionary.</source>
            <translation>词典中没有“{text}”。</translation>
        </message>
        <message>
            <source>The dictionary cannot be loaded.</source>
            <translation>无法加载词典。</translation>
        </message>
    </context>
</TS>
