<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
    <context>
        <name>AnnotationColours</name>
        <message>
            <source>Yellow</source>
            <extracomment>Colours as painted: translucent, so they read on the light, sepia and dark pages. English colour names (translated when shown: :func:`color_label`).</extracomment>
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
            <source>Look in:</source>
            <translation>尋找範圍：</translation>
        </message>
        <message>
            <source>Files of type:</source>
            <translation>檔案類型：</translation>
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
            <extracomment>doc id: items were added, edited, deleted or restored doc id: annotation changes are on disk why (the file is named); the changes stay in memory whether a deletion can be undone doc id ("" for none): another document is in the reader the close question (tests answer it) where "Save a Copy…" writes</extracomment>
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
            <extracomment>error text on a light / a dark window item id (the layer answers it)</extracomment>
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
            <source>To switch between 简体 and 繁體, use the script button on the toolbar.</source>
            <translation>切換簡體/繁體：工具列上的文字按鈕</translation>
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
            <extracomment>Char-format property holding the id of the item painted on a character.</extracomment>
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
            <source>Script</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文字</translation>
        </message>
        <message>
            <source>Show the text in 简体 or 繁體 (or as written)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>以簡體或繁體顯示正文（或按原文顯示）</translation>
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
            <source>Clean</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>純淨閱讀</translation>
        </message>
        <message>
            <source>Hide web boilerplate and pinyin hints (off: raw)</source>
            <translation>隱藏網頁雜項和拼音注音（關閉：顯示原始文字）</translation>
        </message>
        <message>
            <source>Pinyin: hidden</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>拼音：隱藏</translation>
        </message>
        <message>
            <source>Pinyin: on hover</source>
            <translation>拼音：滑鼠停留時顯示</translation>
        </message>
        <message>
            <source>Pinyin: inline</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>拼音：行內顯示</translation>
        </message>
        <message>
            <source>Pinyin hints</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>拼音注音</translation>
        </message>
        <message>
            <source>Font</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>字型</translation>
        </message>
        <message>
            <source>Font (remembered for each script)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>字型（按文字分別記住）</translation>
        </message>
        <message>
            <source>Font size</source>
            <translation>字型大小</translation>
        </message>
        <message>
            <source> pt</source>
            <translation> 點</translation>
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
            <source>Theme</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>主題</translation>
        </message>
    </context>
    <context>
        <name>ScriptNames</name>
        <message>
            <source>原文</source>
            <extracomment>The product's names of the scripts (translated when shown: 简体 is 簡體 in 繁體 UIs).</extracomment>
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
</TS>
