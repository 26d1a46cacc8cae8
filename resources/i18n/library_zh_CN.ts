<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>ColumnFitter</name>
        <message>
            <source>Shown when the library pane has room for it</source>
            <extracomment>The columns beside the title, most wanted first: the last ones give way first when the pane is narrow. The widest a column beside the title gets, in pixels (a long source is cut). Rows beside those in view that a column's width is measured on. Milliseconds after rows are sorted, filtered or added before the columns are measured again (once for a burst of changes). The title keeps at least this many average character widths.</extracomment>
            <translation>书库窗格有空间时显示</translation>
        </message>
    </context>
    <context>
        <name>IndexService</name>
        <message>
            <source>The search index is not available</source>
            <translation>搜索索引不可用</translation>
        </message>
        <message>
            <source>Search index busy: another Tongwen window is updating it; retrying…</source>
            <translation>搜索索引正忙：另一个同文窗口正在更新索引，稍后自动重试…</translation>
        </message>
        <message>
            <source>Rebuilding search index… {percent}%</source>
            <translation>正在重建搜索索引… {percent}%</translation>
        </message>
        <message>
            <source>Updating search index… {percent}%</source>
            <translation>正在更新搜索索引… {percent}%</translation>
        </message>
        <message>
            <source>Checking the search index…</source>
            <translation>正在检查搜索索引…</translation>
        </message>
        <message>
            <source>Pause Search Indexing</source>
            <extracomment>the running job is a full pass documents the full pass had to index when it began that pass builds the index anew how far it has come see :meth:`_drop_module_sources`</extracomment>
            <translation>暂停建立搜索索引</translation>
        </message>
        <message>
            <source>Pausing the search index…</source>
            <translation>正在暂停搜索索引…</translation>
        </message>
        <message>
            <source>The search index is being brought up to date…</source>
            <translation>正在更新搜索索引…</translation>
        </message>
        <message>
            <source>The search index is not ready yet.</source>
            <translation>搜索索引尚未就绪。</translation>
        </message>
        <message numerus="yes">
            <source>The search index covers all %n document(s) of the library.</source>
            <translation>
                <numerusform>搜索索引已涵盖书库中全部 %n 篇文档。</numerusform>
            </translation>
        </message>
        <message>
            <source>Resume building the search index</source>
            <translation>继续建立搜索索引</translation>
        </message>
        <message>
            <source>Pause building the search index</source>
            <translation>暂停建立搜索索引</translation>
        </message>
        <message>
            <source>Search index paused at {percent}%: searches find only the documents indexed so far.</source>
            <translation>搜索索引已暂停于 {percent}%：搜索只能找到已编入索引的文档。</translation>
        </message>
        <message>
            <source>The search index is paused: resume it to search.</source>
            <translation>搜索索引已暂停：继续建立后即可搜索。</translation>
        </message>
        <message>
            <source>The search index cannot be built, so searching is off until Tongwen restarts. Check that the cache folder {folder} is writable and has free space; Help ▸ Open the Log File shows the details.</source>
            <translation>无法建立搜索索引，在重新启动同文之前无法搜索。请确认缓存文件夹 {folder} 可写入且有剩余空间；详情见 帮助 ▸ 打开日志文件。</translation>
        </message>
        <message>
            <source>Indexing documents… {done} of {total}</source>
            <translation>正在为文档建立索引… 第 {done} 篇，共 {total} 篇</translation>
        </message>
    </context>
    <context>
        <name>LibraryPane</name>
        <message>
            <source>Search titles, authors or full text…</source>
            <extracomment>ids, tags to add, tags to remove (from Tags… on the selected documents) a shelf of the reader's was chosen: run its query as a search name, query: add a shelf (or change its query) name of a shelf to remove</extracomment>
            <translation>搜索标题、作者或全文…</translation>
        </message>
        <message>
            <source>Search the library</source>
            <translation>搜索书库</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>书库</translation>
        </message>
        <message>
            <source>Your documents. Press Enter to open the selected one.</source>
            <translation>你的文档。按 Enter 打开选中的文档。</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Tags and Shelves</source>
            <translation>标签与书架</translation>
        </message>
        <message>
            <source>Show the tags and shelves above the library</source>
            <translation>在书库列表上方显示标签与书架</translation>
        </message>
        <message>
            <source>Your library is empty</source>
            <translation>书库里还没有文档</translation>
        </message>
        <message>
            <source>Add documents with File → Import Files… ({keys}) or File → Import Folder…, or drag and drop files onto this window. Tongwen reads TXT, EPUB and HTML in 简体 or 繁體.</source>
            <translation>用“文件 → 导入文件…”（{keys}）或“文件 → 导入文件夹…”添加文档，也可以把文件直接拖放到本窗口。同文可以阅读简体或繁體的 TXT、EPUB 和 HTML 文件。</translation>
        </message>
        <message>
            <source>Import Files…</source>
            <translation>导入文件…</translation>
        </message>
        <message>
            <source>Import files into the library</source>
            <translation>把文件导入书库</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Edit Metadata…</source>
            <translation>编辑文档信息…</translation>
        </message>
        <message>
            <source>Re-decode with Another Encoding…</source>
            <translation>用其他编码重新解码…</translation>
        </message>
        <message>
            <source>Tags…</source>
            <translation>标签…</translation>
        </message>
    </context>
    <context>
        <name>LibraryTableModel</name>
        <message>
            <source>Title</source>
            <translation>标题</translation>
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
            <source>Script</source>
            <translation>简繁</translation>
        </message>
        <message>
            <source>Length</source>
            <translation>字数</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>批注</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>导入日期</translation>
        </message>
        <message>
            <source>Last read</source>
            <translation>上次阅读</translation>
        </message>
        <message>
            <source>Number of characters in the document</source>
            <translation>文档的字数</translation>
        </message>
        <message>
            <source>How far you have read</source>
            <translation>阅读进度</translation>
        </message>
        <message>
            <source>Highlights, notes and bookmarks</source>
            <translation>高亮、批注和书签的数量</translation>
        </message>
        <message>
            <source>The script the document is written in</source>
            <translation>文档原文所用的文字：简体或繁體</translation>
        </message>
        <message>
            <source>When you last read the document</source>
            <translation>上次阅读该文档的时间</translation>
        </message>
        <message>
            <source>Simplified</source>
            <translation>简体</translation>
        </message>
        <message>
            <source>Traditional</source>
            <translation>繁體</translation>
        </message>
        <message>
            <source>Mixed</source>
            <translation>简繁混合</translation>
        </message>
        <message>
            <source>yyyy-MM-dd</source>
            <extracomment>A Qt date pattern for a full date: yyyy year, MM or M month, dd or d day.</extracomment>
            <translation>yyyy年M月d日</translation>
        </message>
        <message>
            <source>yyyy-MM</source>
            <extracomment>A Qt date pattern for a year and month: yyyy year, MM or M month.</extracomment>
            <translation>yyyy年M月</translation>
        </message>
    </context>
    <context>
        <name>OrganisePanel</name>
        <message>
            <source>Tags and shelves</source>
            <extracomment>What an item of the panel stands for (its KIND_ROLE). Counted again this long after the last change of the documents (a burst of changes, e.g. tags given to 1,000 documents, is counted once). Rows of the panel shown at first (the list below takes the rest). ("all", ""), ("tag", tag) or ("builtin", shelf name): what the list should show. A shelf of the reader's was chosen: its name and query (a full-text search). name, query: add (or replace) a shelf the name of the shelf to remove ids of the documents with a tag, its old name, its new name Gives the query a new shelf starts with (the pane: the search field's text). documents changed since they were counted</extracomment>
            <translation>标签与书架</translation>
        </message>
        <message>
            <source>Choose a shelf or a tag to show only its documents in the list.</source>
            <translation>选择一个书架或标签，列表中只显示其中的文档。</translation>
        </message>
        <message>
            <source>All documents</source>
            <translation>全部文档</translation>
        </message>
        <message>
            <source>Shelves</source>
            <translation>书架</translation>
        </message>
        <message>
            <source>Continue reading</source>
            <translation>继续阅读</translation>
        </message>
        <message>
            <source>Documents you have started and not finished, the last read first (at most {limit})</source>
            <translation>已开始但未读完的文档，最近读的在前（最多 {limit} 篇）</translation>
        </message>
        <message>
            <source>Recently added</source>
            <translation>最近添加</translation>
        </message>
        <message>
            <source>The documents imported last, the newest first (at most {limit})</source>
            <translation>最近导入的文档，最新的在前（最多 {limit} 篇）</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>No tags yet: choose Tags… in a document's menu</source>
            <translation>还没有标签：在文档的右键菜单中选择“标签…”</translation>
        </message>
        <message>
            <source>Remove Shelf</source>
            <translation>删除书架</translation>
        </message>
        <message>
            <source>Remove the shelf “{name}”? Its documents stay in the library.</source>
            <translation>删除书架“{name}”？其中的文档仍留在书库中。</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>New Shelf…</source>
            <translation>新建书架…</translation>
        </message>
        <message>
            <source>Remove Shelf…</source>
            <translation>删除书架…</translation>
        </message>
        <message>
            <source>Rename Tag…</source>
            <translation>重命名标签…</translation>
        </message>
        <message>
            <source>Hide Tags and Shelves</source>
            <translation>隐藏标签与书架</translation>
        </message>
    </context>
    <context>
        <name>RenameTagDialog</name>
        <message>
            <source>Rename Tag</source>
            <translation>重命名标签</translation>
        </message>
        <message>
            <source>New name</source>
            <translation>新名称</translation>
        </message>
        <message numerus="yes">
            <source>The tag “{tag}” of %n document(s) gets the new name. A name that is already a tag joins the two.</source>
            <translation>
                <numerusform>%n 篇文档的标签“{tag}”将改用新名称。若新名称已是一个标签，两者合并。</numerusform>
            </translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
    </context>
    <context>
        <name>SearchHints</name>
        <message>
            <source>A quotation mark is not closed, so the words were searched for instead.</source>
            <translation>有引号没有配对，已改为分别搜索其中的词。</translation>
        </message>
        <message>
            <source>“published:{value}” is not a date like 2024 or 2024-08..2024-12, so the words were searched for instead.</source>
            <translation>“published:{value}”不是有效日期（应写作 2024 或 2024-08..2024-12），已改为分别搜索其中的词。</translation>
        </message>
        <message>
            <source>“published:” needs a date like 2024, so the words were searched for instead.</source>
            <translation>“published:”后面要写日期（例如 2024），已改为分别搜索其中的词。</translation>
        </message>
        <message>
            <source>“{field}:” is not a field you can search in, so the words were searched for instead.</source>
            <translation>没有可供搜索的“{field}:”字段，已改为分别搜索其中的词。</translation>
        </message>
        <message>
            <source>“{field}:” needs a value, so the words were searched for instead.</source>
            <translation>“{field}:”后面要写搜索内容，已改为分别搜索其中的词。</translation>
        </message>
        <message>
            <source>OR needs a word on each side, so the words were searched for instead.</source>
            <translation>OR 两边都要有词，已改为分别搜索其中的词。</translation>
        </message>
        <message>
            <source>OR cannot join an excluded word, so the words were searched for instead.</source>
            <translation>OR 不能连接要排除的词，已改为分别搜索其中的词。</translation>
        </message>
        <message>
            <source>The query only leaves words out; add something to look for. The words were searched for instead.</source>
            <translation>搜索内容里只有要排除的词，请加上要查找的内容。已改为分别搜索其中的词。</translation>
        </message>
    </context>
    <context>
        <name>SearchPane</name>
        <message>
            <source>How to search</source>
            <extracomment>A query typed while the first index is built, searched once it is ready.</extracomment>
            <translation>搜索方法</translation>
        </message>
        <message>
            <source>Search the full text…</source>
            <translation>搜索全文…</translation>
        </message>
        <message>
            <source>Search the library</source>
            <translation>搜索书库</translation>
        </message>
        <message>
            <source>Search status</source>
            <translation>搜索状态</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>搜索结果</translation>
        </message>
        <message>
            <source>No results</source>
            <translation>没有结果</translation>
        </message>
        <message>
            <source>Type to filter the list by title, author or source; press Enter to search the full text. 简体 and 繁體 find each other.
"two words" finds a phrase, -word leaves documents out, a OR b finds either.
title:, author:, source:, notes: search one field; script:traditional, format:epub and published:2024 or published:2024-08..2024-12 narrow the list.</source>
            <translation>输入文字即可按标题、作者或来源筛选列表；按 Enter 搜索全文。简体和繁體可以互相搜到。
"两个 词" 查找整个短语，-词 排除含有这个词的文档，甲 OR 乙 查找含有其中任一个的文档。
title:、author:、source:、notes: 只搜索某一项；script:traditional、format:epub、published:2024 或 published:2024-08..2024-12 用来缩小范围。</translation>
        </message>
        <message>
            <source>Searching…</source>
            <translation>正在搜索…</translation>
        </message>
        <message>
            <source>The search failed. Try again, or restart Tongwen; Help ▸ Open the Log File shows the details.</source>
            <translation>搜索失败。请重试或重新启动同文；详情见 帮助 ▸ 打开日志文件。</translation>
        </message>
        <message numerus="yes">
            <source>About %n document(s) match; the best {k} are shown.</source>
            <translation>
                <numerusform>约有 %n 篇文档匹配，显示最相关的 {k} 篇。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) match; the best {k} are shown.</source>
            <translation>
                <numerusform>共有 %n 篇文档匹配，显示最相关的 {k} 篇。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) match.</source>
            <translation>
                <numerusform>共有 %n 篇文档匹配。</numerusform>
            </translation>
        </message>
        <message>
            <source>No document contains “{query}”.</source>
            <translation>没有文档包含“{query}”。</translation>
        </message>
        <message>
            <source>Check the spelling or use fewer words; 简体 and 繁體 find each other. Press Esc to see the whole library again.</source>
            <translation>请检查输入是否有误，或减少搜索的词；简体和繁體可以互相搜到。按 Esc 返回完整的书库列表。</translation>
        </message>
    </context>
    <context>
        <name>SearchResultsModel</name>
        <message>
            <source>imported {date}</source>
            <translation>{date} 导入</translation>
        </message>
    </context>
    <context>
        <name>ShelfDialog</name>
        <message>
            <source>New Shelf</source>
            <translation>新建书架</translation>
        </message>
        <message>
            <source>Shelf name</source>
            <translation>书架名称</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>e.g. tag:待读 script:traditional</source>
            <translation>例如 tag:待读 script:traditional</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>A shelf keeps a search: choosing it shows what the search finds, the documents added since included.</source>
            <translation>书架保存一个搜索：选择它就显示该搜索找到的文档，包括之后添加的。</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Give the shelf a name of 1 to {limit} characters.</source>
            <translation>请为书架起一个 1 到 {limit} 个字符的名称。</translation>
        </message>
        <message>
            <source>There is already a shelf called “{name}”: choose another name.</source>
            <translation>已有名为“{name}”的书架：请换一个名称。</translation>
        </message>
        <message>
            <source>“{name}” is the name of a built-in shelf.</source>
            <translation>“{name}”是内置书架的名称。</translation>
        </message>
        <message>
            <source>Write the search of the shelf, 1 to {limit} characters.</source>
            <translation>请填写书架的搜索，1 到 {limit} 个字符。</translation>
        </message>
    </context>
    <context>
        <name>TagDialog</name>
        <message>
            <source>“{tag}” cannot be a tag: a tag has 1 to {limit} characters, without a comma (,) or control characters.</source>
            <extracomment>Characters of a refused tag quoted in the message. the tick a tag had when the dialog opened</extracomment>
            <translation>“{tag}”不能作为标签：标签由 1 到 {limit} 个字符组成，不含逗号（,）和控制字符。</translation>
        </message>
        <message numerus="yes">
            <source>Tags of %n Document(s)</source>
            <translation>
                <numerusform>%n 篇文档的标签</numerusform>
            </translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Tick a tag to give it to the chosen documents, untick it to take it away. A half-ticked tag is on some of them and stays as it is.</source>
            <translation>勾选标签即加到所选文档上，取消勾选即去掉。半勾选的标签只在部分文档上，保持不变。</translation>
        </message>
        <message>
            <source>Find a tag or write a new one</source>
            <translation>查找标签或输入新标签</translation>
        </message>
        <message>
            <source>New tag</source>
            <translation>新标签</translation>
        </message>
        <message>
            <source>Add Tag</source>
            <translation>添加标签</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message>
            <source>Trash</source>
            <extracomment>How many titles a confirmation names before "…".</extracomment>
            <translation>回收站</translation>
        </message>
        <message>
            <source>Documents removed from the library are kept here with their annotations until you delete them.</source>
            <translation>从书库移除的文档连同其批注保留在这里，直到你永久删除它们。</translation>
        </message>
        <message>
            <source>Removed documents</source>
            <translation>已移除的文档</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Removed</source>
            <translation>移除时间</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>The trash is empty.</source>
            <translation>回收站是空的。</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>恢复(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Delete Permanently…</source>
            <translation>永久删除(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Empty Trash…</source>
            <translation>清空回收站(&amp;E)…</translation>
        </message>
        <message>
            <source>Cannot read the trash</source>
            <translation>无法读取回收站</translation>
        </message>
        <message>
            <source>(untitled {id})</source>
            <translation>（无标题 {id}）</translation>
        </message>
        <message numerus="yes">
            <source>Restored %n document(s):</source>
            <translation>
                <numerusform>已恢复 %n 个文档：</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot restore “{title}”</source>
            <translation>无法恢复“{title}”</translation>
        </message>
        <message>
            <source>“{title}” is in the library again (it was imported after it was removed), so the copy in the trash was left where it is.</source>
            <translation>“{title}”已再次在书库中（移除后又导入过），所以回收站里的副本留在原处。</translation>
        </message>
        <message>
            <source>The copy in the trash keeps its own annotations; delete it when you no longer need them.</source>
            <translation>回收站里的副本保留着它自己的批注；不再需要时再删除它。</translation>
        </message>
        <message>
            <source>Delete Permanently</source>
            <translation>永久删除</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n document(s) and their annotations for good? This cannot be undone.</source>
            <translation>
                <numerusform>永久删除 %n 个文档及其批注？此操作无法撤销。</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot delete a document from the trash</source>
            <translation>无法从回收站删除文档</translation>
        </message>
        <message numerus="yes">
            <source>Deleted %n document(s) for good.</source>
            <translation>
                <numerusform>已永久删除 %n 个文档。</numerusform>
            </translation>
        </message>
    </context>
</TS>
