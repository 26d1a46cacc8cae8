<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
    <context>
        <name>ColumnFitter</name>
        <message>
            <source>Shown when the library pane has room for it</source>
            <extracomment>The columns beside the title, most wanted first: the last ones give way first when the pane is narrow. The widest a column beside the title gets, in pixels (a long source is cut). Rows beside those in view that a column's width is measured on. Milliseconds after rows are sorted, filtered or added before the columns are measured again (once for a burst of changes). The title keeps at least this many average character widths.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書庫窗格有空間時顯示</translation>
        </message>
    </context>
    <context>
        <name>IndexService</name>
        <message>
            <source>The search index is not available</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋索引不可用</translation>
        </message>
        <message>
            <source>Search index busy: another Tongwen window is updating it; retrying…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋索引正忙：另一個同文視窗正在更新索引，稍後自動重試…</translation>
        </message>
        <message>
            <source>Rebuilding search index… {percent}%</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在重建搜尋索引… {percent}%</translation>
        </message>
        <message>
            <source>Updating search index… {percent}%</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在更新搜尋索引… {percent}%</translation>
        </message>
        <message>
            <source>Checking the search index…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在檢查搜尋索引…</translation>
        </message>
        <message>
            <source>Pause Search Indexing</source>
            <extracomment>the running job is a full pass documents the full pass had to index when it began that pass builds the index anew how far it has come see :meth:`_drop_module_sources`</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>暫停建立搜尋索引</translation>
        </message>
        <message>
            <source>Pausing the search index…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在暫停搜尋索引…</translation>
        </message>
        <message>
            <source>The search index is being brought up to date…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在更新搜尋索引…</translation>
        </message>
        <message>
            <source>The search index is not ready yet.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋索引尚未就緒。</translation>
        </message>
        <message numerus="yes">
            <source>The search index covers all %n document(s) of the library.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>
                <numerusform>搜尋索引已涵蓋書庫中全部 %n 篇文件。</numerusform>
            </translation>
        </message>
        <message>
            <source>Resume building the search index</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>繼續建立搜尋索引</translation>
        </message>
        <message>
            <source>Pause building the search index</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>暫停建立搜尋索引</translation>
        </message>
        <message>
            <source>Search index paused at {percent}%: searches find only the documents indexed so far.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋索引已暫停於 {percent}%：搜尋只能找到已編入索引的文件。</translation>
        </message>
        <message>
            <source>The search index is paused: resume it to search.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋索引已暫停：繼續建立後即可搜尋。</translation>
        </message>
        <message>
            <source>The search index cannot be built, so searching is off until Tongwen restarts. Check that the cache folder {folder} is writable and has free space; Help ▸ Open the Log File shows the details.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法建立搜尋索引，在重新啟動同文之前無法搜尋。請確認快取資料夾 {folder} 可寫入且有剩餘空間；詳情見 幫助 ▸ 開啟日誌檔案。</translation>
        </message>
        <message>
            <source>Indexing documents… {done} of {total}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在為文件建立索引… 第 {done} 篇，共 {total} 篇</translation>
        </message>
    </context>
    <context>
        <name>LibraryPane</name>
        <message>
            <source>Search titles, authors or full text…</source>
            <extracomment>ids, tags to add, tags to remove (from Tags… on the selected documents) a shelf of the reader's was chosen: run its query as a search name, query: add a shelf (or change its query) name of a shelf to remove</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋標題、作者或全文…</translation>
        </message>
        <message>
            <source>Search the library</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋書庫</translation>
        </message>
        <message>
            <source>Library</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書庫</translation>
        </message>
        <message>
            <source>Your documents. Press Enter to open the selected one.</source>
            <translation>你的文件。按 Enter 開啟選取的文件。</translation>
        </message>
        <message>
            <source>Remove</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>移除</translation>
        </message>
        <message>
            <source>Tags and Shelves</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>標籤與書架</translation>
        </message>
        <message>
            <source>Show the tags and shelves above the library</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在書庫列表上方顯示標籤與書架</translation>
        </message>
        <message>
            <source>Your library is empty</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書庫裡還沒有文件</translation>
        </message>
        <message>
            <source>Add documents with File → Import Files… ({keys}) or File → Import Folder…, or drag and drop files onto this window. Tongwen reads TXT, EPUB and HTML in 简体 or 繁體.</source>
            <translation>用「檔案 → 匯入檔案…」（{keys}）或「檔案 → 匯入資料夾…」新增文件，也可以把檔案直接拖放到本視窗。同文可以閱讀簡體或繁體的 TXT、EPUB 和 HTML 檔案。</translation>
        </message>
        <message>
            <source>Import Files…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>匯入檔案…</translation>
        </message>
        <message>
            <source>Import files into the library</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>把檔案匯入書庫</translation>
        </message>
        <message>
            <source>Open</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>開啟</translation>
        </message>
        <message>
            <source>Edit Metadata…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>編輯文件資訊…</translation>
        </message>
        <message>
            <source>Re-decode with Another Encoding…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>用其他編碼重新解碼…</translation>
        </message>
        <message>
            <source>Tags…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>標籤…</translation>
        </message>
    </context>
    <context>
        <name>LibraryTableModel</name>
        <message>
            <source>Title</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>標題</translation>
        </message>
        <message>
            <source>Source</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>來源</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>發布日期</translation>
        </message>
        <message>
            <source>Script</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>簡繁</translation>
        </message>
        <message>
            <source>Length</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>字數</translation>
        </message>
        <message>
            <source>Progress</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>進度</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>註記</translation>
        </message>
        <message>
            <source>Imported</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>匯入日期</translation>
        </message>
        <message>
            <source>Last read</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>上次閱讀</translation>
        </message>
        <message>
            <source>Number of characters in the document</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文件的字數</translation>
        </message>
        <message>
            <source>How far you have read</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>閱讀進度</translation>
        </message>
        <message>
            <source>Highlights, notes and bookmarks</source>
            <translation>螢光標記、註記和書籤的數量</translation>
        </message>
        <message>
            <source>The script the document is written in</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文件原文所用的文字：簡體或繁體</translation>
        </message>
        <message>
            <source>When you last read the document</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>上次閱讀該文件的時間</translation>
        </message>
        <message>
            <source>Simplified</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>簡體</translation>
        </message>
        <message>
            <source>Traditional</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>繁體</translation>
        </message>
        <message>
            <source>Mixed</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>簡繁混合</translation>
        </message>
        <message>
            <source>yyyy-MM-dd</source>
            <extracomment>A Qt date pattern for a full date: yyyy year, MM or M month, dd or d day.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>yyyy年M月d日</translation>
        </message>
        <message>
            <source>yyyy-MM</source>
            <extracomment>A Qt date pattern for a year and month: yyyy year, MM or M month.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>yyyy年M月</translation>
        </message>
    </context>
    <context>
        <name>OrganisePanel</name>
        <message>
            <source>Tags and shelves</source>
            <extracomment>What an item of the panel stands for (its KIND_ROLE). Counted again this long after the last change of the documents (a burst of changes, e.g. tags given to 1,000 documents, is counted once). Rows of the panel shown at first (the list below takes the rest). ("all", ""), ("tag", tag) or ("builtin", shelf name): what the list should show. A shelf of the reader's was chosen: its name and query (a full-text search). name, query: add (or replace) a shelf the name of the shelf to remove ids of the documents with a tag, its old name, its new name Gives the query a new shelf starts with (the pane: the search field's text). documents changed since they were counted</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>標籤與書架</translation>
        </message>
        <message>
            <source>Choose a shelf or a tag to show only its documents in the list.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>選擇一個書架或標籤，列表中只顯示其中的文件。</translation>
        </message>
        <message>
            <source>All documents</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>全部文件</translation>
        </message>
        <message>
            <source>Shelves</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書架</translation>
        </message>
        <message>
            <source>Continue reading</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>繼續閱讀</translation>
        </message>
        <message>
            <source>Documents you have started and not finished, the last read first (at most {limit})</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>已開始但未讀完的文件，最近讀的在前（最多 {limit} 篇）</translation>
        </message>
        <message>
            <source>Recently added</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>最近新增</translation>
        </message>
        <message>
            <source>The documents imported last, the newest first (at most {limit})</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>最近匯入的文件，最新的在前（最多 {limit} 篇）</translation>
        </message>
        <message>
            <source>Tags</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>標籤</translation>
        </message>
        <message>
            <source>No tags yet: choose Tags… in a document's menu</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>還沒有標籤：在文件的右鍵選單中選擇“標籤…”</translation>
        </message>
        <message>
            <source>Remove Shelf</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>刪除書架</translation>
        </message>
        <message>
            <source>Remove the shelf “{name}”? Its documents stay in the library.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>刪除書架“{name}”？其中的文件仍留在書庫中。</translation>
        </message>
        <message>
            <source>Remove</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>刪除</translation>
        </message>
        <message>
            <source>New Shelf…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>新建書架…</translation>
        </message>
        <message>
            <source>Remove Shelf…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>刪除書架…</translation>
        </message>
        <message>
            <source>Rename Tag…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>重新命名標籤…</translation>
        </message>
        <message>
            <source>Hide Tags and Shelves</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>隱藏標籤與書架</translation>
        </message>
    </context>
    <context>
        <name>RenameTagDialog</name>
        <message>
            <source>Rename Tag</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>重新命名標籤</translation>
        </message>
        <message>
            <source>New name</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>新名稱</translation>
        </message>
        <message numerus="yes">
            <source>The tag “{tag}” of %n document(s) gets the new name. A name that is already a tag joins the two.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>
                <numerusform>%n 篇文件的標籤“{tag}”將改用新名稱。若新名稱已是一個標籤，兩者合併。</numerusform>
            </translation>
        </message>
        <message>
            <source>Problem</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>問題</translation>
        </message>
    </context>
    <context>
        <name>SearchHints</name>
        <message>
            <source>A quotation mark is not closed, so the words were searched for instead.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>有引號沒有配對，已改為分別搜尋其中的詞。</translation>
        </message>
        <message>
            <source>“published:{value}” is not a date like 2024 or 2024-08..2024-12, so the words were searched for instead.</source>
            <translation>「published:{value}」不是有效日期（應寫作 2024 或 2024-08..2024-12），已改為分別搜尋其中的詞。</translation>
        </message>
        <message>
            <source>“published:” needs a date like 2024, so the words were searched for instead.</source>
            <translation>「published:」後面要寫日期（例如 2024），已改為分別搜尋其中的詞。</translation>
        </message>
        <message>
            <source>“{field}:” is not a field you can search in, so the words were searched for instead.</source>
            <translation>沒有可供搜尋的「{field}:」欄位，已改為分別搜尋其中的詞。</translation>
        </message>
        <message>
            <source>“{field}:” needs a value, so the words were searched for instead.</source>
            <translation>「{field}:」後面要寫搜尋內容，已改為分別搜尋其中的詞。</translation>
        </message>
        <message>
            <source>OR needs a word on each side, so the words were searched for instead.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>OR 兩邊都要有詞，已改為分別搜尋其中的詞。</translation>
        </message>
        <message>
            <source>OR cannot join an excluded word, so the words were searched for instead.</source>
            <translation>OR 不能連接要排除的詞，已改為分別搜尋其中的詞。</translation>
        </message>
        <message>
            <source>The query only leaves words out; add something to look for. The words were searched for instead.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋內容裡只有要排除的詞，請加上要查詢的內容。已改為分別搜尋其中的詞。</translation>
        </message>
    </context>
    <context>
        <name>SearchPane</name>
        <message>
            <source>How to search</source>
            <extracomment>A query typed while the first index is built, searched once it is ready.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋方法</translation>
        </message>
        <message>
            <source>Search the full text…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋全文…</translation>
        </message>
        <message>
            <source>Search the library</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋書庫</translation>
        </message>
        <message>
            <source>Search status</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋狀態</translation>
        </message>
        <message>
            <source>Search results</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋結果</translation>
        </message>
        <message>
            <source>No results</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>沒有結果</translation>
        </message>
        <message>
            <source>Type to filter the list by title, author or source; press Enter to search the full text. 简体 and 繁體 find each other.
"two words" finds a phrase, -word leaves documents out, a OR b finds either.
title:, author:, source:, notes: search one field; script:traditional, format:epub and published:2024 or published:2024-08..2024-12 narrow the list.</source>
            <translation>輸入文字即可按標題、作者或來源篩選清單；按 Enter 搜尋全文。簡體和繁體可以互相搜到。
"兩個 詞" 查詢整個短語，-詞 排除含有這個詞的文件，甲 OR 乙 查詢含有其中任一個的文件。
title:、author:、source:、notes: 只搜尋某一項；script:traditional、format:epub、published:2024 或 published:2024-08..2024-12 用來縮小範圍。</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在搜尋…</translation>
        </message>
        <message>
            <source>The search failed. Try again, or restart Tongwen; Help ▸ Open the Log File shows the details.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋失敗。請重試或重新啟動同文；詳情見 幫助 ▸ 開啟日誌檔案。</translation>
        </message>
        <message numerus="yes">
            <source>About %n document(s) match; the best {k} are shown.</source>
            <translation>
                <numerusform>約有 %n 篇文件符合，顯示最相關的 {k} 篇。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) match; the best {k} are shown.</source>
            <translation>
                <numerusform>共有 %n 篇文件符合，顯示最相關的 {k} 篇。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) match.</source>
            <translation>
                <numerusform>共有 %n 篇文件符合。</numerusform>
            </translation>
        </message>
        <message>
            <source>No document contains “{query}”.</source>
            <translation>沒有文件包含「{query}」。</translation>
        </message>
        <message>
            <source>Check the spelling or use fewer words; 简体 and 繁體 find each other. Press Esc to see the whole library again.</source>
            <translation>請檢查輸入是否有誤，或減少搜尋的詞；簡體和繁體可以互相搜到。按 Esc 返回完整的書庫清單。</translation>
        </message>
    </context>
    <context>
        <name>SearchResultsModel</name>
        <message>
            <source>imported {date}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{date} 匯入</translation>
        </message>
    </context>
    <context>
        <name>ShelfDialog</name>
        <message>
            <source>New Shelf</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>新建書架</translation>
        </message>
        <message>
            <source>Shelf name</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書架名稱</translation>
        </message>
        <message>
            <source>Search</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋</translation>
        </message>
        <message>
            <source>e.g. tag:待读 script:traditional</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>例如 tag:待讀 script:traditional</translation>
        </message>
        <message>
            <source>Name</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>名稱</translation>
        </message>
        <message>
            <source>A shelf keeps a search: choosing it shows what the search finds, the documents added since included.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書架儲存一個搜尋：選擇它就顯示該搜尋找到的文件，包括之後新增的。</translation>
        </message>
        <message>
            <source>Problem</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>問題</translation>
        </message>
        <message>
            <source>Give the shelf a name of 1 to {limit} characters.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請為書架起一個 1 到 {limit} 個字元的名稱。</translation>
        </message>
        <message>
            <source>There is already a shelf called “{name}”: choose another name.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>已有名為“{name}”的書架：請換一個名稱。</translation>
        </message>
        <message>
            <source>“{name}” is the name of a built-in shelf.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>“{name}”是內建書架的名稱。</translation>
        </message>
        <message>
            <source>Write the search of the shelf, 1 to {limit} characters.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請填寫書架的搜尋，1 到 {limit} 個字元。</translation>
        </message>
    </context>
    <context>
        <name>TagDialog</name>
        <message>
            <source>“{tag}” cannot be a tag: a tag has 1 to {limit} characters, without a comma (,) or control characters.</source>
            <extracomment>Characters of a refused tag quoted in the message. the tick a tag had when the dialog opened</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>“{tag}”不能作為標籤：標籤由 1 到 {limit} 個字元組成，不含逗號（,）和控制字元。</translation>
        </message>
        <message numerus="yes">
            <source>Tags of %n Document(s)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>
                <numerusform>%n 篇文件的標籤</numerusform>
            </translation>
        </message>
        <message>
            <source>Tags</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>標籤</translation>
        </message>
        <message>
            <source>Tick a tag to give it to the chosen documents, untick it to take it away. A half-ticked tag is on some of them and stays as it is.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>勾選標籤即加到所選文件上，取消勾選即去掉。半勾選的標籤只在部分文件上，保持不變。</translation>
        </message>
        <message>
            <source>Find a tag or write a new one</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>查詢標籤或輸入新標籤</translation>
        </message>
        <message>
            <source>New tag</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>新標籤</translation>
        </message>
        <message>
            <source>Add Tag</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>新增標籤</translation>
        </message>
        <message>
            <source>Problem</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>問題</translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message>
            <source>Trash</source>
            <extracomment>How many titles a confirmation names before "…".</extracomment>
            <translation>資源回收筒</translation>
        </message>
        <message>
            <source>Documents removed from the library are kept here with their annotations until you delete them.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>從書庫移除的文件連同其批註保留在這裡，直到你永久刪除它們。</translation>
        </message>
        <message>
            <source>Removed documents</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>已移除的文件</translation>
        </message>
        <message>
            <source>Title</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>標題</translation>
        </message>
        <message>
            <source>Removed</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>移除時間</translation>
        </message>
        <message>
            <source>Size</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>大小</translation>
        </message>
        <message>
            <source>The trash is empty.</source>
            <translation>資源回收筒是空的。</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>恢復(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Delete Permanently…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>永久刪除(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Empty Trash…</source>
            <translation>清空資源回收筒(&amp;E)…</translation>
        </message>
        <message>
            <source>Cannot read the trash</source>
            <translation>無法讀取資源回收筒</translation>
        </message>
        <message>
            <source>(untitled {id})</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>（無標題 {id}）</translation>
        </message>
        <message numerus="yes">
            <source>Restored %n document(s):</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>
                <numerusform>已恢復 %n 個文件：</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot restore “{title}”</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法恢復“{title}”</translation>
        </message>
        <message>
            <source>“{title}” is in the library again (it was imported after it was removed), so the copy in the trash was left where it is.</source>
            <translation>“{title}”已再次在書庫中（移除後又匯入過），所以資源回收筒裡的副本留在原處。</translation>
        </message>
        <message>
            <source>The copy in the trash keeps its own annotations; delete it when you no longer need them.</source>
            <translation>資源回收筒裡的副本保留著它自己的批註；不再需要時再刪除它。</translation>
        </message>
        <message>
            <source>Delete Permanently</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>永久刪除</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n document(s) and their annotations for good? This cannot be undone.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>
                <numerusform>永久刪除 %n 個文件及其批註？此操作無法撤銷。</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot delete a document from the trash</source>
            <translation>無法從資源回收筒刪除文件</translation>
        </message>
        <message numerus="yes">
            <source>Deleted %n document(s) for good.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>
                <numerusform>已永久刪除 %n 個文件。</numerusform>
            </translation>
        </message>
    </context>
</TS>
