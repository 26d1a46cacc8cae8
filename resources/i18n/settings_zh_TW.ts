<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
    <context>
        <name>ConversionPage</name>
        <message>
            <source>Conversion rules</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>轉換規則</translation>
        </message>
        <message>
            <source>Written</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>原文</translation>
        </message>
        <message>
            <source>Shown</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>顯示為</translation>
        </message>
        <message>
            <source>Script</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文字</translation>
        </message>
        <message>
            <source>Document</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文件</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <extracomment>The title of a document by id (None: not in the library). Rules removed here, a batch per Remove (newest last), each with its index.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>刪除(&amp;R)</translation>
        </message>
        <message>
            <source>Remove the selected rules</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>刪除所選規則</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>復原(&amp;U)</translation>
        </message>
        <message>
            <source>Put back the rules removed last</source>
            <translation>放回上次刪除的規則</translation>
        </message>
        <message>
            <source>No rules yet. Right-click a converted word in the reader to choose another form for it.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>還沒有規則。在閱讀區右鍵點選轉換後的詞，即可為它選擇其他字形。</translation>
        </message>
        <message>
            <source>&amp;Mark the words to check in converted views</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在轉換檢視中標出需核對的詞(&amp;M)</translation>
        </message>
        <message>
            <source>Mark the words to check in converted views</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在轉換檢視中標出需核對的詞</translation>
        </message>
        <message>
            <source>Underline the words where OpenCC chose one of several forms</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在 OpenCC 從多個字形中擇一的詞下畫線</translation>
        </message>
        <message>
            <source>A rule shows its word in place of OpenCC's conversion. Removing one applies at once; Undo puts it back.</source>
            <translation>規則以它的詞取代 OpenCC 的轉換。刪除立即生效；復原可放回。</translation>
        </message>
        <message>
            <source>All documents</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>全部文件</translation>
        </message>
        <message>
            <source>A document not in the library ({id})</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>不在書庫中的文件（{id}）</translation>
        </message>
        <message>
            <source>Every converted script</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>所有轉換的文字</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>you have no permission to write there</source>
            <extracomment>A sample line per font region, in that region's script (not translated). Settings that only take effect after a restart.</extracomment>
            <translation>你沒有在該處寫入的權限</translation>
        </message>
        <message>
            <source>the disk is read-only</source>
            <translation>磁碟為唯讀</translation>
        </message>
        <message>
            <source>the disk is full</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>磁碟已滿</translation>
        </message>
        <message>
            <source>part of the path is a file, not a folder</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>路徑中有一部分是檔案而不是資料夾</translation>
        </message>
        <message>
            <source>Enter the full path of a folder, not “{folder}”.</source>
            <translation>請輸入資料夾的完整路徑，而不是「{folder}」。</translation>
        </message>
        <message>
            <source>“{file}” is a file, so the folder “{folder}” cannot be created there. Choose another folder.</source>
            <translation>「{file}」是一個檔案，無法在其中建立資料夾「{folder}」。請選擇其他資料夾。</translation>
        </message>
        <message>
            <source>Cannot write in “{folder}”: {reason}. Choose a folder you can write to.</source>
            <translation>無法寫入「{folder}」：{reason}。請選擇一個你可以寫入的資料夾。</translation>
        </message>
        <message>
            <source>Settings</source>
            <extracomment>Settings ▸ Conversion, when the window gave its conversion rules. Settings stored by the last OK that only apply after a restart.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>設定</translation>
        </message>
        <message>
            <source>Settings pages</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>設定頁面</translation>
        </message>
        <message>
            <source>Reading</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>閱讀</translation>
        </message>
        <message>
            <source>Fonts</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>字型</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>外觀</translation>
        </message>
        <message>
            <source>Library</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書庫</translation>
        </message>
        <message>
            <source>Search</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋</translation>
        </message>
        <message>
            <source>Conversion</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>轉換</translation>
        </message>
        <message>
            <source>Default script for new documents</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>新文件的預設文字</translation>
        </message>
        <message>
            <source>&amp;Clean view by default</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>預設使用純淨閱讀(&amp;C)</translation>
        </message>
        <message>
            <source>Hide web boilerplate and repair broken characters when a document opens</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>開啟文件時隱藏網頁雜項並修復亂碼</translation>
        </message>
        <message>
            <source>Hidden</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>隱藏</translation>
        </message>
        <message>
            <source>Shown on hover</source>
            <translation>滑鼠停留時顯示</translation>
        </message>
        <message>
            <source>Inline, as in the file</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>照原文顯示在行內</translation>
        </message>
        <message>
            <source>Pinyin hints</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>拼音注音</translation>
        </message>
        <message>
            <source>Convert p&amp;hrases for Taiwan</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>按臺灣用語轉換詞彙(&amp;H)</translation>
        </message>
        <message>
            <source>Also replace mainland words with Taiwan usage (社区 → 社群, 优化 → 最佳化)</source>
            <translation>同時把大陸用詞替換為臺灣用語（社區 → 社群，優化 → 最佳化）</translation>
        </message>
        <message>
            <source>Read &amp;vertically by default (直排)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>預設直排閱讀(&amp;V)</translation>
        </message>
        <message>
            <source>Columns from right to left, paged like a printed book</source>
            <translation>由右至左直行，像印刷書一樣分頁</translation>
        </message>
        <message>
            <source>Default &amp;script:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>預設文字(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Pinyin hints:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>拼音注音(&amp;P)：</translation>
        </message>
        <message>
            <source>Documents for which you chose a script or a direction keep their own choice.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>已單獨選擇過文字或排版方向的文件保留各自的選擇。</translation>
        </message>
        <message>
            <source>Font for Simplified text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>簡體文字的字型</translation>
        </message>
        <message>
            <source>Font for Traditional text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>繁體文字的字型</translation>
        </message>
        <message>
            <source>Font for Hong Kong text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>香港繁體文字的字型</translation>
        </message>
        <message>
            <source>Si&amp;mplified:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>簡體(&amp;M)：</translation>
        </message>
        <message>
            <source>&amp;Traditional:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>繁體(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Hong Kong:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>香港繁體(&amp;H)：</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>自動</translation>
        </message>
        <message>
            <source>Sample of the chosen font</source>
            <translation>所選字型的範例</translation>
        </message>
        <message>
            <source>Font size</source>
            <translation>字型大小</translation>
        </message>
        <message>
            <source>Line spacing</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>行距</translation>
        </message>
        <message>
            <source>Page width</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>頁面寬度</translation>
        </message>
        <message>
            <source>Full width</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>不限寬度</translation>
        </message>
        <message>
            <source>Widest text column in characters; 0: full width</source>
            <translation>正文欄的最大寬度（以字數計）；0 表示不限</translation>
        </message>
        <message>
            <source>Font si&amp;ze:</source>
            <translation>字型大小(&amp;Z)：</translation>
        </message>
        <message>
            <source>&amp;Line spacing:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>行距(&amp;L)：</translation>
        </message>
        <message>
            <source>Page &amp;width:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>頁面寬度(&amp;W)：</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>跟隨系統</translation>
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
            <translation>米黃</translation>
        </message>
        <message>
            <source>Reader theme</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>閱讀主題</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>介面語言</translation>
        </message>
        <message>
            <source>A new interface language applies after Tongwen restarts.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>新的介面語言在同文重新啟動後生效。</translation>
        </message>
        <message>
            <source>Reader &amp;theme:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>閱讀主題(&amp;T)：</translation>
        </message>
        <message>
            <source>Interface &amp;language:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>介面語言(&amp;L)：</translation>
        </message>
        <message>
            <source>The open library is in {folder}</source>
            <translation>目前開啟的書庫位於 {folder}</translation>
        </message>
        <message>
            <source>Library folder</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書庫資料夾</translation>
        </message>
        <message>
            <source>Default: {folder}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>預設：{folder}</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>瀏覽(&amp;B)…</translation>
        </message>
        <message>
            <source>Browse for a library folder</source>
            <translation>瀏覽並選擇書庫資料夾</translation>
        </message>
        <message>
            <source>Use &amp;Default</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>使用預設位置(&amp;D)</translation>
        </message>
        <message>
            <source>Use the default library folder</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>使用預設的書庫資料夾</translation>
        </message>
        <message>
            <source>A new library folder is used after Tongwen restarts. The library in the old folder stays where it is and is not moved; Tongwen opens the library in the new folder, or creates an empty one there.</source>
            <translation>新的書庫資料夾在同文重新啟動後啟用。原資料夾中的書庫留在原處，不會被移動；同文會開啟新資料夾中的書庫，如果那裡還沒有書庫，就建立一個空書庫。</translation>
        </message>
        <message>
            <source>Library &amp;folder:</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書庫資料夾(&amp;F)：</translation>
        </message>
        <message>
            <source>Search index status</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋索引狀態</translation>
        </message>
        <message>
            <source>&amp;Rebuild Index</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>重建索引(&amp;R)</translation>
        </message>
        <message>
            <source>Rebuild the search index</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>重建搜尋索引</translation>
        </message>
        <message>
            <source>Index every document again, in the background</source>
            <translation>在背景為所有文件重新建立索引</translation>
        </message>
        <message>
            <source>The index is kept outside the library and can always be rebuilt from it; rebuilding loses no documents, highlights or notes.</source>
            <translation>索引儲存在書庫之外，隨時可以根據書庫重建；重建不會遺失任何文件、螢光標記或註記。</translation>
        </message>
        <message>
            <source>OK</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>確定</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>取消</translation>
        </message>
        <message>
            <source>Save and Restart &amp;Now</source>
            <translation>儲存並立即重新啟動(&amp;N)</translation>
        </message>
        <message>
            <source>Save and restart Tongwen</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>儲存設定並重新啟動同文</translation>
        </message>
        <message>
            <source>{family} (not installed)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{family}（未安裝）</translation>
        </message>
        <message>
            <source>Choose the Library Folder</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>選擇書庫資料夾</translation>
        </message>
        <message>
            <source>The state of the search index is not known.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋索引的狀態未知。</translation>
        </message>
    </context>
</TS>
