<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
    <context>
        <name>AidSources</name>
        <message>
            <source>The reading corrections cannot be read: {problem}</source>
            <extracomment>``(view start, canonical start, view)`` of a loaded piece (``ReaderPane.pieces()``). why, in the reader's language (the file named) a reader (or one with new corrections) is ready why the dictionary could not be loaded ("" if it could)</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法讀取讀音更正：{problem}</translation>
        </message>
        <message>
            <source>Readings cannot be shown: {problem}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法顯示讀音：{problem}</translation>
        </message>
    </context>
    <context>
        <name>AnnotationColours</name>
        <message>
            <source>Yellow</source>
            <extracomment>The colours, as red, green and blue (the key None: a note without a highlight colour). English colour names (translated when shown: :func:`color_label`).</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>黃色</translation>
        </message>
        <message>
            <source>Green</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>綠色</translation>
        </message>
        <message>
            <source>Blue</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>藍色</translation>
        </message>
        <message>
            <source>Pink</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>粉色</translation>
        </message>
        <message>
            <source>Purple</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>紫色</translation>
        </message>
    </context>
    <context>
        <name>AnnotationFiles</name>
        <message>
            <source>Markdown</source>
            <extracomment>format key → (label, file suffix, file-dialog filter); labels translated when shown</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Markdown</translation>
        </message>
        <message>
            <source>W3C Web Annotation (JSON-LD)</source>
            <translation>W3C 網頁註記（JSON 格式）</translation>
        </message>
        <message>
            <source>the file or folder does not exist</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>檔案或資料夾不存在</translation>
        </message>
        <message>
            <source>permission denied</source>
            <translation>沒有存取權限</translation>
        </message>
        <message>
            <source>the disk is full</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>磁碟已滿</translation>
        </message>
        <message>
            <source>the disk is read-only</source>
            <translation>磁碟為唯讀</translation>
        </message>
        <message>
            <source>it is a folder</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>這是一個資料夾</translation>
        </message>
        <message>
            <source>Bookmark</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書籤</translation>
        </message>
        <message>
            <source>Note</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>筆記</translation>
        </message>
        <message>
            <source>Orphaned</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>已失去位置</translation>
        </message>
        <message>
            <source>not found in the current text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在當前文本中找不到</translation>
        </message>
        <message>
            <source>Before the first chapter</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>第一章之前</translation>
        </message>
        <message>
            <source>No annotations.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>沒有批註。</translation>
        </message>
        <message>
            <source>Author</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>作者</translation>
        </message>
        <message>
            <source>Source</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>來源</translation>
        </message>
        <message>
            <source>Published</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>釋出日期</translation>
        </message>
        <message>
            <source>Cannot write {file}: {problem}.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法寫入 {file}：{problem}。</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n annotation(s) from {file}: {placed} placed, {orphaned} orphaned (their text was not found).</source>
            <extracomment>the file names another document (placed by quote anyway)</extracomment>
            <translation>
                <numerusform>已從 {file} 匯入 %n 則註記：{placed} 則已定位，{orphaned} 則未能定位（原文中找不到對應文字）。</numerusform>
            </translation>
        </message>
        <message>
            <source>{n} of them were already here (or deleted here since).</source>
            <translation>其中 {n} 則已經存在（或之後已在此刪除）。</translation>
        </message>
        <message>
            <source>The file was exported from another document.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>該檔案是從另一篇文件匯出的。</translation>
        </message>
        <message>
            <source>Cannot read {file}: {problem}.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法讀取 {file}：{problem}。</translation>
        </message>
        <message>
            <source>{file} is not a JSON file (it is not UTF-8 text).</source>
            <translation>{file} 不是 JSON 檔案（不是 UTF-8 文字）。</translation>
        </message>
        <message>
            <source>{file} is not a JSON file (error at line {line}, column {column}).</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file} 不是有效的 JSON 檔案（第 {line} 行第 {column} 列有錯誤）。</translation>
        </message>
        <message>
            <source>{file} is not W3C Web Annotation data; nothing was imported.</source>
            <translation>{file} 不是 W3C 網頁註記資料，未匯入任何內容。</translation>
        </message>
        <message>
            <source>Open a document first</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請先開啟一篇文件</translation>
        </message>
        <message>
            <source>Choose another folder, or free some space, and export again.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請選擇其他資料夾，或騰出磁碟空間後重新匯出。</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>匯出失敗</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n annotation(s) to {file}.</source>
            <translation>
                <numerusform>已將 %n 則註記匯出到 {file}。</numerusform>
            </translation>
        </message>
        <message>
            <source>Import Annotations</source>
            <translation>匯入註記</translation>
        </message>
        <message>
            <source>W3C Web Annotations (*.jsonld *.json)</source>
            <translation>W3C 網頁註記 (*.jsonld *.json)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>所有檔案 (*)</translation>
        </message>
        <message>
            <source>Choose a file exported from Tongwen's annotations (W3C JSON-LD).</source>
            <translation>請選擇從同文匯出的註記檔案（W3C 格式的 .jsonld 檔案）。</translation>
        </message>
        <message>
            <source>Import failed</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>匯入失敗</translation>
        </message>
    </context>
    <context>
        <name>AnnotationLayer</name>
        <message>
            <source>&amp;Highlight</source>
            <extracomment>Adds entries for viewport point ``pos`` to the text menu (see AnnotationLayer.menu_providers). doc id: items were added, edited, deleted or restored doc id: annotation changes are on disk why (the file is named); the changes stay in memory whether a deletion can be undone doc id ("" for none): another document is in the reader the close question (tests answer it) where "Save a Copy…" writes Called with the text menu and the viewport point after our entries, in order: other features (conversion corrections …) add theirs at the end.</extracomment>
            <translation>螢光標記(&amp;H)</translation>
        </message>
        <message>
            <source>Add or Edit &amp;Note…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>新增或編輯筆記(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Bookmark</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書籤(&amp;B)</translation>
        </message>
        <message>
            <source>Add a bookmark here, or remove the one here</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在此處新增書籤，或刪除此處的書籤</translation>
        </message>
        <message>
            <source>Open a document first</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請先開啟一篇文件</translation>
        </message>
        <message>
            <source>{path} is read-only here; annotations cannot be changed</source>
            <translation>{path} 在此處為唯讀，無法修改註記</translation>
        </message>
        <message>
            <source>Select some text to highlight</source>
            <translation>請先選取要標記的文字</translation>
        </message>
        <message>
            <source>Select some text to write a note about</source>
            <translation>請先選取要加筆記的文字</translation>
        </message>
        <message>
            <source>Bookmarked</source>
            <translation>已加入書籤</translation>
        </message>
        <message>
            <source>Bookmark removed; Ctrl+Z in the panel restores it</source>
            <translation>書籤已刪除；在註記面板中按 Ctrl+Z 可還原</translation>
        </message>
        <message>
            <source>Deleted; Ctrl+Z in the annotations panel undoes it</source>
            <translation>已刪除；在註記面板中按 Ctrl+Z 可復原</translation>
        </message>
        <message>
            <source>{file} cannot be read for now ({problem}). It was left as it is; new highlights and notes are kept and saved into it once it can be read.</source>
            <extracomment>doc id: annotation changes are on disk why (the file is named); the changes stay in memory doc id: the shown store read its file again (another process wrote it) unsaved changes of an older store of the shown document were moved into it</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file} 暫時無法讀取（{problem}）。檔案保持原樣；新的高亮和筆記會保留，等能讀取時再存入。</translation>
        </message>
        <message>
            <source>“{title}”: {problem}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>“{title}”：{problem}</translation>
        </message>
        <message>
            <source>This annotation's text is not in the document now</source>
            <translation>這則註記對應的文字已不在目前文件中</translation>
        </message>
        <message>
            <source>Text menu</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文字選單</translation>
        </message>
        <message>
            <source>Highlight in Colour</source>
            <translation>以顏色標記</translation>
        </message>
        <message>
            <source>Remove Highlight</source>
            <translation>移除螢光標記</translation>
        </message>
    </context>
    <context>
        <name>AnnotationsPanel</name>
        <message>
            <source>All colours</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>全部顏色</translation>
        </message>
        <message>
            <source>Filter…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>篩選…</translation>
        </message>
        <message>
            <source>All kinds</source>
            <extracomment>Filter choices: (value, label); "orphaned" lists items whose text was lost.</extracomment>
            <translation>全部類型</translation>
        </message>
        <message>
            <source>Highlights</source>
            <translation>螢光標記</translation>
        </message>
        <message>
            <source>Notes</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>筆記</translation>
        </message>
        <message>
            <source>Bookmarks</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書籤</translation>
        </message>
        <message>
            <source>Orphaned</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>未定位</translation>
        </message>
        <message>
            <source>Problems with the annotation file</source>
            <extracomment>item id (the layer answers it)</extracomment>
            <translation>註記檔案的問題</translation>
        </message>
        <message>
            <source>Show kind</source>
            <translation>顯示類型</translation>
        </message>
        <message>
            <source>Show only highlights, notes, bookmarks or orphans</source>
            <translation>只顯示螢光標記、筆記、書籤或未定位的註記</translation>
        </message>
        <message>
            <source>Show colour</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>顯示顏色</translation>
        </message>
        <message>
            <source>Show only annotations of one colour</source>
            <translation>只顯示某一種顏色的註記</translation>
        </message>
        <message>
            <source>Filter annotations by text</source>
            <translation>按文字篩選註記</translation>
        </message>
        <message>
            <source>Annotations</source>
            <translation>註記</translation>
        </message>
        <message>
            <source>Number of annotations</source>
            <translation>註記數量</translation>
        </message>
        <message>
            <source>Note…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>筆記…</translation>
        </message>
        <message>
            <source>Write or edit the note of the selected annotation</source>
            <translation>為選取的註記寫筆記或編輯筆記</translation>
        </message>
        <message>
            <source>Colour</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>顏色</translation>
        </message>
        <message>
            <source>Change colour</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>更改顏色</translation>
        </message>
        <message>
            <source>Delete</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>刪除</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>復原</translation>
        </message>
        <message numerus="yes">
            <source>%n of {total} annotation(s) shown</source>
            <translation>
                <numerusform>顯示 %n 則，共 {total} 則註記</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n annotation(s)</source>
            <translation>
                <numerusform>%n 則註記</numerusform>
            </translation>
        </message>
        <message>
            <source>Bookmark: {q}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書籤：{q}</translation>
        </message>
        <message>
            <source>orphaned: not found in the current text</source>
            <translation>未定位：目前文字中找不到</translation>
        </message>
        <message>
            <source>{file} needed repairs while loading (a damaged file or a conflict copy); nothing was lost. Help ▸ Open the Log File lists them.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file} 在載入時做了修復（檔案損壞或存在衝突副本），沒有丟失任何內容。幫助 ▸ 開啟日誌檔案 中列有詳情。</translation>
        </message>
        <message>
            <source>Show in Text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在正文中顯示</translation>
        </message>
        <message>
            <source>Edit Note…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>編輯筆記…</translation>
        </message>
    </context>
    <context>
        <name>ChaptersDialog</name>
        <message>
            <source>Chapters of “{title}”</source>
            <extracomment>Headings listed in the preview; the count says how many there are in all. Quiet time after the last change before a preview starts (ms). Lines shown above and below a heading picked in the list.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>“{title}”的章節</translation>
        </message>
        <message>
            <source>Rule text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>規則文本</translation>
        </message>
        <message>
            <source>What the rule finds</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>規則找到的內容</translation>
        </message>
        <message>
            <source>Headings found</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>找到的標題</translation>
        </message>
        <message>
            <source>The heading in its place</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>標題在原文中的位置</translation>
        </message>
        <message>
            <source>&amp;Rule:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>規則(&amp;R)：</translation>
        </message>
        <message>
            <source>&amp;Text:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文本(&amp;T)：</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>自動</translation>
        </message>
        <message>
            <source>Chapters: 第…章</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>章：第…章</translation>
        </message>
        <message>
            <source>Chapters: 第…回</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>回：第…回</translation>
        </message>
        <message>
            <source>Sections: 第…节 / 第…節</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>節：第…節 / 第…節</translation>
        </message>
        <message>
            <source>Volumes: 卷… / 第…卷</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>卷：卷… / 第…卷</translation>
        </message>
        <message>
            <source>Chapter N (English)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>英文 Chapter N</translation>
        </message>
        <message>
            <source>Lines starting with…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>以某段文字開頭的行…</translation>
        </message>
        <message>
            <source>Regular expression…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正規表示式…</translation>
        </message>
        <message>
            <source>What every heading line starts with, e.g. 卷</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>每個標題行開頭的文字，例如“卷”</translation>
        </message>
        <message>
            <source>A regular expression matched on each line, e.g. ^第.+章</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>逐行匹配的正規表示式，例如 ^第.+章</translation>
        </message>
        <message>
            <source>Tongwen's own rules for Chinese headings</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>同文內建的中文標題規則</translation>
        </message>
        <message>
            <source>Looking for headings…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在查詢標題…</translation>
        </message>
        <message>
            <source>Type what the heading lines start with.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請輸入標題行開頭的文字。</translation>
        </message>
        <message>
            <source>Type a regular expression.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請輸入正規表示式。</translation>
        </message>
        <message>
            <source>No line is a heading by this rule.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>按此規則沒有一行是標題。</translation>
        </message>
        <message numerus="yes">
            <source>%n heading(s) found.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>
                <numerusform>找到 %n 個標題。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The first %n are listed.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>
                <numerusform>列出了前 %n 個。</numerusform>
            </translation>
        </message>
        <message>
            <source>This regular expression is not valid: {problem}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>此正規表示式無效：{problem}</translation>
        </message>
        <message>
            <source>This rule was still searching after {seconds} seconds and was stopped; try a simpler expression.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>此規則查找了 {seconds} 秒仍未結束，已停止；請試試更簡單的表示式。</translation>
        </message>
        <message>
            <source>More than {count} lines match this rule: that is not a table of contents.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>超過 {count} 行符合此規則：這不是目錄。</translation>
        </message>
        <message>
            <source>The headings could not be found: {problem}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法查詢標題：{problem}</translation>
        </message>
        <message>
            <source>Open a document to choose how its chapters are found.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請先開啟文件，再選擇如何查詢它的章節。</translation>
        </message>
        <message>
            <source>Cannot read the document</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法讀取文件</translation>
        </message>
        <message>
            <source>Cannot save the chapters</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法儲存章節</translation>
        </message>
    </context>
    <context>
        <name>ConversionCorrections</name>
        <message>
            <source>&amp;Undo</source>
            <extracomment>a correction failed: why, naming the file a correction or its undo is stored and shown</extracomment>
            <translation>復原(&amp;U)</translation>
        </message>
        <message>
            <source>Take back the last conversion correction</source>
            <translation>復原上一次的轉換更正</translation>
        </message>
        <message>
            <source>Mark Conversions to &amp;Check</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>標出需核對的轉換(&amp;C)</translation>
        </message>
        <message>
            <source>Underline the words where OpenCC chose one of several forms</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在 OpenCC 從多個字形中擇一的詞下畫線</translation>
        </message>
        <message>
            <source>Correct Conversion of “{word}”</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>更正“{word}”的轉換</translation>
        </message>
        <message>
            <source>This document ({script})</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>本文件（{script}）</translation>
        </message>
        <message>
            <source>All documents ({script})</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>所有文件（{script}）</translation>
        </message>
        <message>
            <source>Remove the Rule “{source}” → “{target}”</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>刪除規則“{source}”→“{target}”</translation>
        </message>
        <message>
            <source>{word} (shown now)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{word}（當前顯示）</translation>
        </message>
        <message>
            <source>{word} (OpenCC's choice)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{word}（OpenCC 的選擇）</translation>
        </message>
        <message>
            <source>Keep the Original “{word}”</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>保留原文“{word}”</translation>
        </message>
        <message>
            <source>Rule removed: “{source}” is converted by OpenCC again.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>規則已刪除：“{source}”重新由 OpenCC 轉換。</translation>
        </message>
        <message>
            <source>“{source}” is now kept as written in all documents ({script}).</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>“{source}”現在在所有文件中保留原文（{script}）。</translation>
        </message>
        <message>
            <source>“{source}” is now kept as written in this document ({script}).</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>“{source}”現在在本文件中保留原文（{script}）。</translation>
        </message>
        <message>
            <source>“{source}” is now shown as “{target}” in all documents ({script}).</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>“{source}”現在在所有文件中顯示為“{target}”（{script}）。</translation>
        </message>
        <message>
            <source>“{source}” is now shown as “{target}” in this document ({script}).</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>“{source}”現在在本文件中顯示為“{target}”（{script}）。</translation>
        </message>
        <message>
            <source>The conversion correction was undone.</source>
            <translation>已復原轉換更正。</translation>
        </message>
    </context>
    <context>
        <name>ConversionRuleService</name>
        <message>
            <source>{file} was damaged; the conversion rules of its backup are used.</source>
            <extracomment>A change for the worker: it gets the store and returns its result.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file} 已損壞；現使用其備份中的轉換規則。</translation>
        </message>
        <message>
            <source>{file} cannot be used, so the views show OpenCC's conversion without your corrections.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file} 無法使用，因此顯示的是不含您的更正的 OpenCC 轉換。</translation>
        </message>
        <message>
            <source>The conversion rules were not changed: {reason}</source>
            <extracomment>the rules were read again (after a change, or :meth:`reload`) a change was not made: why, naming the file the rules file could not be used as it is (see book_problem)</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>轉換規則未更改：{reason}</translation>
        </message>
    </context>
    <context>
        <name>CorrectReadingDialog</name>
        <message>
            <source>Correct Reading</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>更正讀音</translation>
        </message>
        <message>
            <source>Readings of “{word}”, one per character, in pinyin with tone marks or numbers (háng or hang2). The correction applies wherever the word appears, in every document.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>“{word}”的讀音，每字一個，用帶聲調符號或數字的拼音（háng 或 hang2）。更正適用於所有文件中該詞出現的每一處。</translation>
        </message>
        <message>
            <source>Reading of {char}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{char} 的讀音</translation>
        </message>
        <message>
            <source>“{reading}” is not a pinyin syllable.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>“{reading}”不是拼音音節。</translation>
        </message>
    </context>
    <context>
        <name>CorrectionNotice</name>
        <message>
            <source>Conversion correction</source>
            <extracomment>How long the notice of a change stays in the status bar.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>轉換更正</translation>
        </message>
    </context>
    <context>
        <name>DecodeWarningBar</name>
        <message>
            <source>Decoding warning</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>解碼警告</translation>
        </message>
        <message>
            <source>Re-decode…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>重新解碼…</translation>
        </message>
        <message>
            <source>This file may have been decoded wrongly (read as {encoding}). If the text looks garbled, choose another encoding.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>此檔案可能解碼有誤（按 {encoding} 讀取）。如果文字是亂碼，請選擇其他編碼。</translation>
        </message>
    </context>
    <context>
        <name>DictionaryPopup</name>
        <message>
            <source>Dictionary</source>
            <extracomment>How many senses of a shorter word are shown (all of the word's own are). Widest the card grows, in characters of the body font. -1 previous word, +1 next word</extracomment>
            <translation>辭典</translation>
        </message>
        <message>
            <source>Word</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>詞語</translation>
        </message>
        <message>
            <source>Close (Esc)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>關閉（Esc）</translation>
        </message>
        <message>
            <source>Close the dictionary</source>
            <translation>關閉辭典</translation>
        </message>
        <message>
            <source>Words inside</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>其中的詞</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export Annotations</source>
            <translation>匯出註記</translation>
        </message>
        <message>
            <source>Format</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>格式</translation>
        </message>
        <message>
            <source>Script</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文字</translation>
        </message>
        <message>
            <source>JSON-LD keeps the document's own text, so it can be imported again.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>JSON 格式保留文件的原文，以後可以再匯入。</translation>
        </message>
        <message>
            <source>Quotes and chapter titles are shown in the chosen script.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>引文和章節標題以所選文字顯示。</translation>
        </message>
    </context>
    <context>
        <name>FigureLines</name>
        <message>
            <source>The picture file {path} is missing from the library folder.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書庫資料夾中缺少圖片檔案 {path}。</translation>
        </message>
        <message>
            <source>The picture file {path} is damaged: it is not the picture it should be.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>圖片檔案 {path} 已損壞：它不是原來的那張圖片。</translation>
        </message>
        <message>
            <source>This picture was not kept: it is larger than a picture may be (20 MB), or the document's pictures pass 200 MB in all.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>這張圖片沒有保留：它超過了單張圖片的上限（20 MB），或文件的圖片總計超過 200 MB。</translation>
        </message>
        <message>
            <source>SVG pictures are not shown: they can load other files.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>不顯示 SVG 圖片：它們可能載入其他檔案。</translation>
        </message>
        <message>
            <source>This picture was not kept: it is not PNG, JPEG, GIF or WebP ({src}).</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>這張圖片沒有保留：它不是 PNG、JPEG、GIF 或 WebP（{src}）。</translation>
        </message>
        <message>
            <source>The document names this picture ({src}) but does not hold a readable copy.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文件提到了這張圖片（{src}），但文件中沒有可讀的副本。</translation>
        </message>
        <message>
            <source>This picture is not inside the document: it points to {src}. Tongwen loads nothing from outside a document.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>這張圖片不在文件內：它指向 {src}。同文不會從文件之外載入任何內容。</translation>
        </message>
        <message>
            <source>Click to show the picture</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>點選顯示圖片</translation>
        </message>
        <message>
            <source>Show &amp;Picture</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>顯示圖片(&amp;P)</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find in document (either script)</source>
            <translation>在文件中尋找（簡繁皆可）</translation>
        </message>
        <message>
            <source>Find in document</source>
            <translation>在文件中尋找</translation>
        </message>
        <message>
            <source>Matches found</source>
            <translation>找到的符合項目</translation>
        </message>
        <message>
            <source>Previous match (Shift+Enter)</source>
            <translation>上一個符合項目 (Shift+Enter)</translation>
        </message>
        <message>
            <source>Next match (Enter)</source>
            <translation>下一個符合項目 (Enter)</translation>
        </message>
        <message>
            <source>Close the find bar (Esc)</source>
            <translation>關閉尋找列 (Esc)</translation>
        </message>
        <message>
            <source>{i} of {n} (still loading…)</source>
            <translation>第 {i} 項，共 {n} 項（仍在載入…）</translation>
        </message>
        <message>
            <source>searching…</source>
            <translation>正在尋找…</translation>
        </message>
        <message>
            <source>no matches</source>
            <translation>沒有符合項目</translation>
        </message>
        <message>
            <source>{i} of {n}</source>
            <translation>第 {i} 項，共 {n} 項</translation>
        </message>
    </context>
    <context>
        <name>Fonts</name>
        <message>
            <source>No Chinese font found (looked for Noto CJK, Source Han, PingFang, Microsoft YaHei/JhengHei): characters may show as empty boxes. Install a Chinese font, for example Noto Sans CJK (fonts-noto-cjk), and restart Tongwen.</source>
            <extracomment>Preferred families per region, best first: serif for long reading, then sans.</extracomment>
            <translation>未找到中文字型（已尋找思源/Noto CJK、蘋方、微軟雅黑/正黑）：文字可能顯示為空白方框。請安裝中文字型（例如 Noto Sans CJK，套件 fonts-noto-cjk），然後重新啟動同文。</translation>
        </message>
    </context>
    <context>
        <name>HintBar</name>
        <message>
            <source>Tips for reading</source>
            <extracomment>The one-time hint shown with the first document (``AppSettings.hint_seen``).</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>閱讀提示</translation>
        </message>
        <message>
            <source>To switch between 简体 and 繁體, use the 原文 · 简 · 繁 · 臺 · 港 buttons on the toolbar.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>要在簡體和繁體之間切換，請使用工具欄上的 原文 · 簡 · 繁 · 臺 · 港 按鈕。</translation>
        </message>
        <message>
            <source>Select text and right-click it to highlight it or add a note or a bookmark.</source>
            <translation>選取文字後按右鍵即可標記、加筆記或書籤</translation>
        </message>
        <message>
            <source>Close the tips (they will not come back)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>關閉提示（以後不再顯示）</translation>
        </message>
        <message>
            <source>Close the tips</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>關閉提示</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <source>Note</source>
            <extracomment>Characters of the quote shown above the note (a longer quote ends with "…").</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>筆記</translation>
        </message>
        <message>
            <source>“{quote}”</source>
            <translation>「{quote}」</translation>
        </message>
        <message>
            <source>Quoted text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>引文</translation>
        </message>
        <message>
            <source>Note text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>筆記內容</translation>
        </message>
        <message>
            <source>Write your note here</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在這裡寫筆記</translation>
        </message>
    </context>
    <context>
        <name>PictureViewer</name>
        <message>
            <source>Picture — {title}</source>
            <extracomment>Zoom steps of the viewer, as factors of the picture's own size. Marks a figure line's characters (a char format property of our own).</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>圖片 — {title}</translation>
        </message>
        <message>
            <source>Picture</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>圖片</translation>
        </message>
        <message>
            <source>Why the picture is not shown</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>圖片為何沒有顯示</translation>
        </message>
        <message>
            <source>Alt text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>替代文字</translation>
        </message>
        <message>
            <source>Caption</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>圖注</translation>
        </message>
        <message>
            <source>Picture size</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>圖片尺寸</translation>
        </message>
        <message>
            <source>The picture file {file} cannot be shown: it is damaged, or of a kind this system cannot draw.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法顯示圖片檔案 {file}：它已損壞，或是本系統無法繪製的格式。</translation>
        </message>
        <message>
            <source>{width} × {height} pixels</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{width} × {height} 畫素</translation>
        </message>
    </context>
    <context>
        <name>ReaderPane</name>
        <message>
            <source>Document title</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文件標題</translation>
        </message>
        <message>
            <source>Document details</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文件資訊</translation>
        </message>
        <message>
            <source>Document text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文件正文</translation>
        </message>
        <message>
            <source>No document open</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>沒有開啟的文件</translation>
        </message>
        <message>
            <source>Double-click a document in the library to read it.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在書庫中雙擊一篇文件即可閱讀。</translation>
        </message>
        <message>
            <source>The annotations and reading position of “{title}” cannot be read, so the document opens at its start. {problem}</source>
            <translation>無法讀取「{title}」的註記和閱讀位置，文件將從開頭開啟。{problem}</translation>
        </message>
        <message>
            <source>The annotations of “{title}” needed repairs while loading (a damaged file or a conflict copy); nothing was lost. The annotations panel and the log say more.</source>
            <translation>載入「{title}」的註記時做了修復（檔案損壞或存在衝突副本），沒有丟失任何內容。詳情見註記面板和日誌。</translation>
        </message>
        <message>
            <source>Text of “{title}”</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>《{title}》正文</translation>
        </message>
        <message>
            <source>This is the last chapter</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>已經是最後一章</translation>
        </message>
    </context>
    <context>
        <name>ReaderToolbar</name>
        <message>
            <source>Reader</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>閱讀器</translation>
        </message>
        <message>
            <source>Set as Default</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>設為預設</translation>
        </message>
        <message>
            <source>Use this script for documents not set otherwise</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>未單獨設定的文件都使用這種文字</translation>
        </message>
        <message>
            <source>Vertical</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>直排</translation>
        </message>
        <message>
            <source>Read in vertical columns from right to left, paged like a printed book</source>
            <translation>由右至左直行閱讀，像印刷書一樣分頁</translation>
        </message>
        <message>
            <source>Clean</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>純淨閱讀</translation>
        </message>
        <message>
            <source>Hide web boilerplate and pinyin hints (off: raw)</source>
            <translation>隱藏網頁雜項和拼音注音（關閉：顯示原始文字）</translation>
        </message>
        <message>
            <source>Aa</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Aa</translation>
        </message>
        <message>
            <source>Typography</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>排版</translation>
        </message>
        <message>
            <source>Font, size, line spacing, page width, theme and pinyin hints</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>字型、字號、行距、版心寬度、主題和拼音注音</translation>
        </message>
    </context>
    <context>
        <name>ReadingAids</name>
        <message>
            <source>None</source>
            <extracomment>The ruby choices as the toolbar and the menus name them.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無</translation>
        </message>
        <message>
            <source>Pinyin</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>拼音</translation>
        </message>
        <message>
            <source>Zhuyin (Bopomofo)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>注音（ㄅㄆㄇ）</translation>
        </message>
        <message>
            <source>&amp;Look Up</source>
            <extracomment>The longest word a correction may hold (as desktop.core.readings.corrections). Asks for a word's readings (the dialog; tests answer it): parent, word, readings.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>查詞(&amp;L)</translation>
        </message>
        <message>
            <source>Look up the selected word, or the word under the pointer</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>查所選的詞，或指標下的詞</translation>
        </message>
        <message>
            <source>Look-Up &amp;Mode</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>查詞模式(&amp;M)</translation>
        </message>
        <message>
            <source>Look up each word the pointer rests on (or hold Ctrl while pointing)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>指標停在哪個詞上就查哪個詞（或指向時按住 Ctrl）</translation>
        </message>
        <message>
            <source>Correct &amp;Reading…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>更正讀音(&amp;R)…</translation>
        </message>
        <message>
            <source>Look Up “{word}”</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>查“{word}”</translation>
        </message>
        <message>
            <source>Correct Reading…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>更正讀音…</translation>
        </message>
        <message>
            <source>Select a word in Chinese characters to correct its reading</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請選中一個漢字詞語以更正其讀音</translation>
        </message>
        <message>
            <source>Loading the readings…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在載入讀音…</translation>
        </message>
        <message>
            <source>Reading of “{word}” saved: {reading}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>“{word}”的讀音已儲存：{reading}</translation>
        </message>
        <message>
            <source>The reading of “{word}” was not saved: {problem}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>“{word}”的讀音未儲存：{problem}</translation>
        </message>
    </context>
    <context>
        <name>ReadingHistory</name>
        <message>
            <source>&amp;Back</source>
            <extracomment>Places kept behind (and ahead of) the reader; the oldest go first.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>後退(&amp;B)</translation>
        </message>
        <message>
            <source>Back to where you were before the last jump</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>回到上次跳轉之前的位置</translation>
        </message>
        <message>
            <source>&amp;Forward</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>前進(&amp;F)</translation>
        </message>
        <message>
            <source>Forward to where you went back from</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>前進到後退之前的位置</translation>
        </message>
    </context>
    <context>
        <name>RecentDocuments</name>
        <message>
            <source>&amp;Recent</source>
            <extracomment>Longest title shown in the menu, in characters (the rest is cut with "…").</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>最近閱讀(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Clear Recent</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>清除最近閱讀(&amp;C)</translation>
        </message>
        <message>
            <source>No Recent Documents</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>沒有最近閱讀的文件</translation>
        </message>
    </context>
    <context>
        <name>RegionButton</name>
        <message>
            <source>Regional standard of the text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文本的地區用字標準</translation>
        </message>
        <message>
            <source>Automatic (detected: {region})</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>自動（檢測為：{region}）</translation>
        </message>
        <message>
            <source>简体 converted from {region} Traditional, as chosen for this document</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>簡體由{region}繁體轉換而來（為此文件選定）</translation>
        </message>
        <message>
            <source>简体 converted from {region} Traditional, as detected in the text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>簡體由{region}繁體轉換而來（從文本檢測）</translation>
        </message>
        <message>
            <source>Cannot save the regional standard</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法儲存地區用字標準</translation>
        </message>
    </context>
    <context>
        <name>RegionNames</name>
        <message>
            <source>通用繁體</source>
            <extracomment>The names of the regional standards (Chinese in every UI, like the script names; a 简体 UI may write 台湾用字).</extracomment>
            <translation>通用繁體</translation>
        </message>
        <message>
            <source>臺灣用字</source>
            <translation>臺灣用字</translation>
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
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>原文</translation>
        </message>
        <message>
            <source>简体</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>簡體</translation>
        </message>
        <message>
            <source>繁體</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>繁體</translation>
        </message>
        <message>
            <source>臺灣正體</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>臺灣正體</translation>
        </message>
        <message>
            <source>香港繁體</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>香港繁體</translation>
        </message>
        <message>
            <source>简</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>簡</translation>
        </message>
        <message>
            <source>繁</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>繁</translation>
        </message>
        <message>
            <source>臺</source>
            <translation>臺</translation>
        </message>
        <message>
            <source>港</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>港</translation>
        </message>
    </context>
    <context>
        <name>ScriptSegments</name>
        <message>
            <source>Script</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文字</translation>
        </message>
        <message>
            <source>Show the text as {script}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>以{script}顯示文本</translation>
        </message>
    </context>
    <context>
        <name>StatusLine</name>
        <message>
            <source>Chapter</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>章節</translation>
        </message>
        <message>
            <source>Position in the document</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在文件中的位置</translation>
        </message>
        <message>
            <source>Drag to go anywhere in the document</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>拖動可跳到文件中的任意位置</translation>
        </message>
        <message>
            <source>Percentage read</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>已讀百分比</translation>
        </message>
    </context>
    <context>
        <name>Themes</name>
        <message>
            <source>Theme: as the system</source>
            <extracomment>secondary text: the document's details find hits the find hit shown now dotted underline of characters with a pinyin reading background of the first-run hint bar opacity (0–255) of highlight colours painted over the page Names shown for the theme choices, translated when shown (:func:`theme_label`).</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>主題：跟隨系統</translation>
        </message>
        <message>
            <source>Light</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>淺色</translation>
        </message>
        <message>
            <source>Dark</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>深色</translation>
        </message>
        <message>
            <source>Sepia</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>護眼米黃</translation>
        </message>
    </context>
    <context>
        <name>TocPanel</name>
        <message>
            <source>Table of contents</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>目錄</translation>
        </message>
    </context>
    <context>
        <name>TypographyPopover</name>
        <message>
            <source>Typography</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>排版</translation>
        </message>
        <message>
            <source>Font</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>字型</translation>
        </message>
        <message>
            <source>Font (remembered for each script)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>字型（每種文字分別記住）</translation>
        </message>
        <message>
            <source>Font size</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>字號</translation>
        </message>
        <message>
            <source> pt</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation> 磅</translation>
        </message>
        <message>
            <source>Line spacing</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>行距</translation>
        </message>
        <message>
            <source>Page width (characters; 0: full width)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>版心寬度（字數；0 為全寬）</translation>
        </message>
        <message>
            <source> characters</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation> 字</translation>
        </message>
        <message>
            <source>Full width</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>全寬</translation>
        </message>
        <message>
            <source>Theme</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>主題</translation>
        </message>
        <message>
            <source>Hidden</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>隱藏</translation>
        </message>
        <message>
            <source>On hover</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>懸停時顯示</translation>
        </message>
        <message>
            <source>Inline</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>行內顯示</translation>
        </message>
        <message>
            <source>Pinyin hints</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>拼音注音</translation>
        </message>
        <message>
            <source>Readings above the text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在文字上方顯示讀音</translation>
        </message>
        <message>
            <source>&amp;Font:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>字型(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;Size:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>字號(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Line spacing:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>行距(&amp;L)：</translation>
        </message>
        <message>
            <source>Page &amp;width:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>版心寬度(&amp;W)：</translation>
        </message>
        <message>
            <source>&amp;Theme:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>主題(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Pinyin hints:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>拼音注音(&amp;P)：</translation>
        </message>
        <message>
            <source>&amp;Readings above:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>上方讀音(&amp;R)：</translation>
        </message>
    </context>
    <context>
        <name>UnsavedDialog</name>
        <message>
            <source>Unsaved Annotations</source>
            <extracomment>How long closing waits for saves in flight (the window stays responsive meanwhile). highlights, notes and bookmarks changed since the last save why the last save failed, in the UI language ("" if not known)</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>未儲存的批註</translation>
        </message>
        <message numerus="yes">
            <source>%n highlight(s), note(s) or bookmark(s) in “{title}” could not be saved.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>
                <numerusform>“{title}”中有 %n 條高亮、筆記或書籤未能儲存。</numerusform>
            </translation>
        </message>
        <message>
            <source>Retry once the problem is fixed, or save a copy elsewhere (File ▸ Import Annotations… brings it back later). Discarded changes are lost.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>問題解決後請重試，或把副本儲存到別處（以後用 檔案 ▸ 匯入批註… 找回）。放棄的更改將會丟失。</translation>
        </message>
        <message>
            <source>&amp;Retry</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>重試(&amp;R)</translation>
        </message>
        <message>
            <source>Save a &amp;Copy…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>儲存副本(&amp;C)…</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Discard %n Change(s)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>
                <numerusform>放棄 %n 處更改(&amp;D)</numerusform>
            </translation>
        </message>
        <message>
            <source>{title} annotations.json</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{title} 批註.json</translation>
        </message>
        <message>
            <source>Save a Copy of the Annotations</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>儲存批註副本</translation>
        </message>
        <message>
            <source>Web Annotation JSON (*.json)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Web 批註 JSON (*.json)</translation>
        </message>
    </context>
    <context>
        <name>VerticalMode</name>
        <message>
            <source>Vertical text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>直排文字</translation>
        </message>
    </context>
    <context>
        <name>WordLookup</name>
        <message>
            <source>Loading the dictionary…</source>
            <extracomment>Lines Left and Right look through for the next word before giving up. Opacity (0-255) of the mark over the word shown. look-up mode: hovering looks words up The word shown: its piece (by canonical start) and the word in its view. Vertical mode (issue 19): the page words are found on and shown, when not the text.</extracomment>
            <translation>正在載入辭典…</translation>
        </message>
        <message>
            <source>“{text}” is not in the dictionary.</source>
            <translation>辭典中沒有「{text}」。</translation>
        </message>
        <message>
            <source>The dictionary cannot be loaded.</source>
            <translation>無法載入辭典。</translation>
        </message>
    </context>
</TS>
