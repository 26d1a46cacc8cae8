<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>Qt and PySide6 are used under the GNU LGPL version 3. They are shipped as separate shared libraries in Tongwen's installation folder; you may replace them with your own builds. Their source code is available from qt.io and pyside.org.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Qt 與 PySide6 依 GNU LGPL 第 3 版使用，以獨立的共享庫隨同文安裝在其程式資料夾中；您可以用自己編譯的版本替換它們。其原始碼可從 qt.io 和 pyside.org 獲取。</translation>
        </message>
        <message>
            <source>Component</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>元件</translation>
        </message>
        <message>
            <source>Version</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>版本</translation>
        </message>
        <message>
            <source>Licence</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>許可證</translation>
        </message>
        <message>
            <source>About Tongwen</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>關於同文</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Tongwen 同文 {version}&lt;/h3&gt;&lt;p&gt;A reader for Chinese documents in Simplified and Traditional script.&lt;/p&gt;</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>&lt;h3&gt;同文 Tongwen {version}&lt;/h3&gt;&lt;p&gt;簡體、繁體中文文件閱讀器。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Components and licences</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>元件與許可證</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>The library {folder} is on a network drive ({kind}). File locks may not hold there: do not change it from two computers at the same time.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書庫 {folder} 位於網路驅動器（{kind}）上。那裡的檔案鎖可能不起作用：請不要同時在兩臺電腦上修改它。</translation>
        </message>
        <message>
            <source>The library {folder} is inside a {kind} folder. Edits made on two computers at once become conflict copies, which Tongwen merges or reports.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書庫 {folder} 位於 {kind} 同步資料夾中。兩臺電腦同時修改會產生衝突副本，同文會合並或報告它們。</translation>
        </message>
        <message>
            <source>Library on a Shared Folder</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書庫位於共享資料夾</translation>
        </message>
        <message numerus="yes">
            <source>%n damaged file(s) in the library were repaired or set aside; nothing was deleted. Help ▸ Open the Log File tells which.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>
                <numerusform>書庫中有 %n 個損壞的檔案已修復或移到一旁，沒有刪除任何內容。詳情見 幫助 ▸ 開啟日誌檔案。</numerusform>
            </translation>
        </message>
        <message>
            <source>Contents</source>
            <extracomment>The status line's totals are summed this long after the last library event.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>目錄</translation>
        </message>
        <message>
            <source>Annotations</source>
            <translation>註記</translation>
        </message>
        <message numerus="yes">
            <source>%n document(s)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>
                <numerusform>%n 篇文件</numerusform>
            </translation>
        </message>
        <message>
            <source>{chars} characters</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{chars} 字</translation>
        </message>
        <message>
            <source>Cannot open the document</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法開啟文件</translation>
        </message>
        <message>
            <source>Import files</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>匯入檔案</translation>
        </message>
        <message>
            <source>Documents ({patterns});;All files (*)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文件 ({patterns});;所有檔案 (*)</translation>
        </message>
        <message>
            <source>Reading the library…</source>
            <extracomment>Background work waits at most this long for the window's first paint (a window shown minimized may not paint until it is restored). Rows the library pane shows before every summary is read (more than a screenful). the first reading of the folders, running the reading of every summary, running</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在讀取書庫…</translation>
        </message>
        <message>
            <source>Tags could not be changed</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法更改標籤</translation>
        </message>
        <message>
            <source>The shelves could not be changed</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法更改書架</translation>
        </message>
        <message>
            <source>Reading the library: {done} of {total} documents…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在讀取書庫：{done} / {total} 篇文件…</translation>
        </message>
        <message>
            <source>The library could not be read</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法讀取書庫</translation>
        </message>
        <message>
            <source>Import a folder</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>匯入資料夾</translation>
        </message>
        <message>
            <source>An import is already running</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>已有匯入正在進行</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在匯入…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>取消</translation>
        </message>
        <message>
            <source>Import</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>匯入</translation>
        </message>
        <message>
            <source>Importing {name}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>正在匯入 {name}</translation>
        </message>
        <message>
            <source>Import failed</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>匯入失敗</translation>
        </message>
        <message>
            <source>Imported {n} of {total} files</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>已匯入 {n}/{total} 個檔案</translation>
        </message>
        <message>
            <source>Cannot save the metadata</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法儲存文件資訊</translation>
        </message>
        <message>
            <source>Cannot decode “{t}” as {e}</source>
            <translation>無法以 {e} 編碼重新解碼「{t}」</translation>
        </message>
        <message>
            <source>Remove documents</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>移除文件</translation>
        </message>
        <message numerus="yes">
            <source>Move %n document(s) to the library's trash?</source>
            <translation>
                <numerusform>將 %n 篇文件移到書庫的資源回收筒？</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot remove a document</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法移除文件</translation>
        </message>
    </context>
    <context>
        <name>MenuBuilder</name>
        <message>
            <source>&amp;File</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>檔案(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>匯入檔案(&amp;I)…</translation>
        </message>
        <message>
            <source>Import &amp;Folder…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>匯入資料夾(&amp;F)…</translation>
        </message>
        <message>
            <source>E&amp;xport Annotations…</source>
            <translation>匯出註記(&amp;X)…</translation>
        </message>
        <message>
            <source>Im&amp;port Annotations…</source>
            <translation>匯入註記(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>設定(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Library</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>書庫(&amp;L)</translation>
        </message>
        <message>
            <source>Save Search as &amp;Shelf…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>將搜尋存為書架(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Trash…</source>
            <translation>資源回收筒(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>編輯(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>複製(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Find in Document…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在文件中查詢(&amp;F)…</translation>
        </message>
        <message>
            <source>Find &amp;Next</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>查詢下一個(&amp;N)</translation>
        </message>
        <message>
            <source>Find &amp;Previous</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>查詢上一個(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Search the Library…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>搜尋書庫(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Script</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>簡繁轉換(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Readings Above the Text</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文字上方的讀音(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>檢視(&amp;V)</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>縮小(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Actual Size</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>原始大小(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Distraction-Free Reading</source>
            <translation>專注閱讀(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>跳轉(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Next Chapter</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>下一章(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Previous Chapter</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>上一章(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Beginning</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>開頭(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;End</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>結尾(&amp;E)</translation>
        </message>
        <message>
            <source>Highlight in &amp;Colour</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>用顏色高亮(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Annotate</source>
            <translation>註記(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Document</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>文件(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Edit Metadata…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>編輯文件資訊(&amp;E)…</translation>
        </message>
        <message>
            <source>Re-&amp;decode…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>重新解碼(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Chapters…</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>章節(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Remove from Library</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>從書庫移除(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>幫助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>鍵盤快捷鍵(&amp;K)</translation>
        </message>
        <message>
            <source>Open the &amp;Log File</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>開啟日誌檔案(&amp;L)</translation>
        </message>
        <message>
            <source>Show the Log &amp;Folder</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>顯示日誌資料夾(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;About Tongwen</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>關於同文(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>鍵盤快捷鍵</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>鍵盤快捷鍵</translation>
        </message>
        <message>
            <source>Action</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>操作</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>快捷鍵</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>Tongwen</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>同文</translation>
        </message>
        <message>
            <source>Tongwen is already running on the library {folder}, but does not answer.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>同文已在書庫 {folder} 上執行，但沒有響應。</translation>
        </message>
        <message>
            <source>A second window on the same library could overwrite its work. Wait for the running window, or close it (or end its process), then start Tongwen again.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在同一書庫上再開一個視窗可能覆蓋它的工作。請等待正在執行的視窗，或關閉它（或結束其程序），然後再啟動同文。</translation>
        </message>
        <message>
            <source>The library folder {folder} cannot be opened.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法開啟書庫資料夾 {folder}。</translation>
        </message>
        <message>
            <source>Check that the folder exists and that you may write to it, or start Tongwen with another library folder.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請確認該資料夾存在且您有寫入許可權，或在啟動同文時指定另一個書庫資料夾。</translation>
        </message>
    </context>
</TS>
