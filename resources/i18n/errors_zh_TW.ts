<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
    <context>
        <name>FormatName</name>
        <message>
            <source>a PDF document</source>
            <extracomment>Format keys (desktop.core.errors.FORMATS) → a noun phrase for the sentences above.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>PDF 文件</translation>
        </message>
        <message>
            <source>a Word 97-2003 document (DOC)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>舊版 Word 文件（DOC）</translation>
        </message>
        <message>
            <source>a Word document (DOCX)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Word 文件（DOCX）</translation>
        </message>
        <message>
            <source>an OpenDocument text (ODT)</source>
            <translation>開放文件格式的文字檔（ODT）</translation>
        </message>
        <message>
            <source>an OpenDocument file</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>開放文件格式的檔案</translation>
        </message>
        <message>
            <source>a rich text document (RTF)</source>
            <translation>富文字文件（RTF）</translation>
        </message>
        <message>
            <source>a Mobipocket e-book (MOBI)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Mobipocket 電子書（MOBI）</translation>
        </message>
        <message>
            <source>a Kindle e-book (AZW)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Kindle 電子書（AZW）</translation>
        </message>
        <message>
            <source>a Kindle e-book (AZW3)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Kindle 電子書（AZW3）</translation>
        </message>
        <message>
            <source>a DjVu scan</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>DjVu 掃描文件</translation>
        </message>
        <message>
            <source>a compiled help file (CHM)</source>
            <translation>編譯的說明檔（CHM）</translation>
        </message>
        <message>
            <source>an Excel spreadsheet (XLS)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Excel 表格（XLS）</translation>
        </message>
        <message>
            <source>an Excel spreadsheet (XLSX)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Excel 表格（XLSX）</translation>
        </message>
        <message>
            <source>a PowerPoint presentation (PPT)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>PowerPoint 簡報（PPT）</translation>
        </message>
        <message>
            <source>a PowerPoint presentation (PPTX)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>PowerPoint 簡報（PPTX）</translation>
        </message>
        <message>
            <source>an old Microsoft Office document</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>舊版 Office 文件</translation>
        </message>
        <message>
            <source>a JPEG picture</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>JPEG 圖片</translation>
        </message>
        <message>
            <source>a PNG picture</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>PNG 圖片</translation>
        </message>
        <message>
            <source>a GIF picture</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>GIF 圖片</translation>
        </message>
        <message>
            <source>a ZIP archive</source>
            <translation>ZIP 壓縮檔</translation>
        </message>
        <message>
            <source>a RAR archive</source>
            <translation>RAR 壓縮檔</translation>
        </message>
        <message>
            <source>a 7-Zip archive</source>
            <translation>7-Zip 壓縮檔</translation>
        </message>
        <message>
            <source>a gzip archive</source>
            <translation>gzip 壓縮檔</translation>
        </message>
        <message>
            <source>an MP3 audio file</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>MP3 音訊檔案</translation>
        </message>
        <message>
            <source>an MP4 video</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>MP4 影片</translation>
        </message>
        <message>
            <source>a program</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>可執行程式</translation>
        </message>
        <message>
            <source>a Windows program</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Windows 程式</translation>
        </message>
        <message>
            <source>a database</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>資料庫檔案</translation>
        </message>
        <message>
            <source>an EPUB book</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>EPUB 電子書</translation>
        </message>
        <message>
            <source>a text file</source>
            <translation>文字檔</translation>
        </message>
        <message>
            <source>a web page</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>網頁</translation>
        </message>
        <message>
            <source>a Markdown file</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Markdown 文件</translation>
        </message>
        <message>
            <source>another format</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>其他格式</translation>
        </message>
    </context>
    <context>
        <name>ImportSummary</name>
        <message>
            <source>Imported: {imported}. Already in the library: {duplicate}. Could not be imported: {failed}. Skipped: {skipped}.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>已匯入 {imported} 個檔案，{duplicate} 個已在書庫中，{failed} 個無法匯入，{skipped} 個已跳過。</translation>
        </message>
        <message>
            <source>Imported: {imported}. Already in the library: {duplicate}. Could not be imported: {failed}.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>已匯入 {imported} 個檔案，{duplicate} 個已在書庫中，{failed} 個無法匯入。</translation>
        </message>
        <message>
            <source>Import finished</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>匯入完成</translation>
        </message>
        <message>
            <source>… and {n} more (see the details).</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>……另有 {n} 個（請檢視詳細資訊）。</translation>
        </message>
    </context>
    <context>
        <name>MetadataDialog</name>
        <message>
            <source>Edit document details</source>
            <extracomment>How many per-file problems the summary lists before "and N more". Width of the summary's lines, in average character widths (and its bounds in px). No line starts with these, none ends with the opening ones. A quoted file name stays on one line when it fits (简体 and 繁體 quotes). Where a name too long for a line is cut: after a folder separator, _, -, . or space.</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>編輯文件資訊</translation>
        </message>
        <message>
            <source>Title</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>標題</translation>
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
            <translation>發布日期</translation>
        </message>
        <message>
            <source>(none)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>（無）</translation>
        </message>
        <message>
            <source>A date like 2024-08-04, 2024-08 or 2024</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>日期格式如 2024-08-04、2024-08 或 2024</translation>
        </message>
        <message>
            <source>Leave a field empty to use the value found in the file.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>某一欄留空時，使用從檔案中讀到的內容。</translation>
        </message>
        <message>
            <source>Save or cancel</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>儲存或取消</translation>
        </message>
    </context>
    <context>
        <name>Problem</name>
        <message>
            <source>{file} cannot be imported.</source>
            <extracomment>Problem code → (sentence, advice). ``{file}`` is the quoted file name; other placeholders are the code's params (see desktop.core.errors.PROBLEMS).</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法匯入{file}。</translation>
        </message>
        <message>
            <source>Check that it is a text file, a web page, a Markdown file or an EPUB book. The details say more.</source>
            <translation>請確認它是文字檔、網頁、Markdown 文件或 EPUB 電子書。詳細資訊中有更多說明。</translation>
        </message>
        <message>
            <source>{file} is {size_mb} MB; Tongwen imports files of up to {limit_mb} MB.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}有 {size_mb} MB，同文只能匯入不超過 {limit_mb} MB 的檔案。</translation>
        </message>
        <message>
            <source>Split the file into smaller parts and import those.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請把檔案拆分成幾個較小的檔案，再分別匯入。</translation>
        </message>
        <message>
            <source>{file} is {format}; Tongwen cannot read this format.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}是{format}，同文無法讀取這種格式。</translation>
        </message>
        <message>
            <source>Save or export it as plain text (TXT), a web page (HTML) or an EPUB book, then import that file.</source>
            <translation>請先把它另存或匯出為純文字（TXT）、網頁（HTML）或 EPUB 電子書，再匯入新檔案。</translation>
        </message>
        <message>
            <source>{file} is not {expected}: its content is {format}.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}並不是{expected}，它的內容其實是{format}。</translation>
        </message>
        <message>
            <source>The file name does not match the content. Rename the file, or convert it to a format Tongwen reads.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>副檔名與內容不符。請改正檔名，或把它轉換成同文能讀取的格式。</translation>
        </message>
        <message>
            <source>{file} contains binary data, not text.</source>
            <translation>{file}包含二進位資料，不是文字。</translation>
        </message>
        <message>
            <source>Make sure you chose the right file: programs, pictures and databases cannot be imported.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請確認選對了檔案：程式、圖片和資料庫都無法匯入。</translation>
        </message>
        <message>
            <source>{file} is not a valid EPUB book.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}不是有效的 EPUB 電子書。</translation>
        </message>
        <message>
            <source>Check it in another e-book reader, or get a new copy of the book.</source>
            <translation>請用其他電子書閱讀器檢查它，或重新取得一份。</translation>
        </message>
        <message>
            <source>{file} is damaged or incomplete.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}已損壞或不完整。</translation>
        </message>
        <message>
            <source>Download or copy the file again, then import it.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請重新下載或複製該檔案，然後再匯入。</translation>
        </message>
        <message>
            <source>{file} holds {count} files inside; Tongwen accepts at most {limit}.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}內含 {count} 個檔案，同文最多接受 {limit} 個。</translation>
        </message>
        <message>
            <source>This is not an ordinary e-book. If you trust it, convert it with an e-book tool first.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>這不是普通的電子書。如果你信任它，請先用電子書工具轉換。</translation>
        </message>
        <message>
            <source>{file} unpacks to more than {limit_mb} MB.</source>
            <translation>{file}解壓縮後超過 {limit_mb} MB。</translation>
        </message>
        <message>
            <source>Tongwen refuses such files to protect your computer. Split the book or convert it with an e-book tool.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>為保護你的電腦，同文不匯入這樣的檔案。請拆分該書，或先用電子書工具轉換。</translation>
        </message>
        <message>
            <source>{file} is built to blow up to a huge size when unpacked (a “zip bomb”); it was refused.</source>
            <translation>{file}解壓縮後會膨脹到極大（即「壓縮炸彈」），已拒絕匯入。</translation>
        </message>
        <message>
            <source>Delete the file: it may be meant to harm your computer.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請刪除這個檔案：它可能意在損害你的電腦。</translation>
        </message>
        <message>
            <source>Part of {file} ({member}) is protected by a password.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}中的一部分（{member}）受密碼保護。</translation>
        </message>
        <message>
            <source>Remove the password with the program that made the file, then import it again.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請用製作該檔案的程式去掉密碼，然後重新匯入。</translation>
        </message>
        <message>
            <source>{file} is copy-protected (digital rights management) and cannot be read.</source>
            <translation>{file}受數位版權保護（加密），無法讀取。</translation>
        </message>
        <message>
            <source>Read it in the app of the shop that sold it, or get a copy without copy protection.</source>
            <translation>請用售書商店的閱讀軟體閱讀，或取得沒有版權保護的版本。</translation>
        </message>
        <message>
            <source>{file} has no readable chapters: the book is damaged.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}中沒有可讀的章節：這本書已損壞。</translation>
        </message>
        <message>
            <source>{file} contains definitions built to expand without end (an “entity bomb”); it was refused.</source>
            <translation>{file}包含會無限膨脹的實體定義（即「實體炸彈」），已拒絕匯入。</translation>
        </message>
        <message>
            <source>The web page {file} is too damaged to be read.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>網頁{file}損壞嚴重，無法讀取。</translation>
        </message>
        <message>
            <source>Open the page in a web browser and save it again (“Save page as…”), then import the saved file.</source>
            <translation>請用瀏覽器開啟該網頁並重新儲存（「網頁另存為…」），再匯入儲存的檔案。</translation>
        </message>
        <message>
            <source>The web page {file} is empty.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>網頁{file}是空的。</translation>
        </message>
        <message>
            <source>Save the page again once it has fully loaded in the browser.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請等網頁在瀏覽器中完全載入後重新儲存。</translation>
        </message>
        <message>
            <source>No readable text was found in {file}.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在{file}中沒有找到可讀的文字。</translation>
        </message>
        <message>
            <source>Scans and pictures of text cannot be read. Otherwise, try another copy of the file.</source>
            <translation>掃描檔和文字圖片無法讀取；如果不是這種情況，請換一份檔案試試。</translation>
        </message>
        <message>
            <source>There is no encoding called {encoding} (for {file}).</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>不存在名為 {encoding} 的編碼（用於{file}）。</translation>
        </message>
        <message>
            <source>Choose an encoding from the list, for example UTF-8, GB18030 or Big5.</source>
            <translation>請從清單中選擇編碼，例如 UTF-8、GB18030 或 Big5。</translation>
        </message>
        <message>
            <source>{file} cannot be decoded as {encoding}: some bytes do not belong to that encoding.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}無法按 {encoding} 解碼：其中有些位元組不屬於這種編碼。</translation>
        </message>
        <message>
            <source>Choose another encoding. Simplified Chinese files are usually GB18030 or UTF-8, Traditional Chinese files Big5 or UTF-8.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請換一種編碼。簡體中文檔案通常是 GB18030 或 UTF-8，繁體中文檔案通常是 Big5 或 UTF-8。</translation>
        </message>
        <message>
            <source>{file} is in the {encoding} encoding (old Taiwanese text), which Tongwen cannot read.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}使用 {encoding} 編碼（臺灣的舊式文本），同文無法讀取。</translation>
        </message>
        <message>
            <source>Convert the file to UTF-8 with another program (a text editor or a converter), then import the converted file.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請先用其他程式（文本編輯器或轉換工具）把檔案轉換為 UTF-8，再匯入轉換後的檔案。</translation>
        </message>
        <message>
            <source>{file} does not exist.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}不存在。</translation>
        </message>
        <message>
            <source>It may have been moved, renamed or deleted. Find it, then try again.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>它可能已被移動、改名或刪除。請找到該檔案後重試。</translation>
        </message>
        <message>
            <source>{file} is not an ordinary file.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}不是普通檔案。</translation>
        </message>
        <message>
            <source>Choose a file; to import a whole folder, use “Import folder”.</source>
            <translation>請選擇一個檔案；要匯入整個資料夾，請使用「匯入資料夾」。</translation>
        </message>
        <message>
            <source>{file} is a special system file (a pipe, device or socket); it was skipped.</source>
            <translation>{file}是特殊的系統檔案（管道、裝置或通訊端），已跳過。</translation>
        </message>
        <message>
            <source>Nothing to do: such files hold no documents.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無需處理：這類檔案不包含文件。</translation>
        </message>
        <message>
            <source>{file} is a link; Tongwen does not follow links.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}是一個連結，同文不會跟隨連結。</translation>
        </message>
        <message>
            <source>Import the file or folder the link points to.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請直接匯入連結所指向的檔案或資料夾。</translation>
        </message>
        <message>
            <source>{file} was skipped: Tongwen does not import this type.</source>
            <translation>已跳過{file}：同文不匯入這種類型的檔案。</translation>
        </message>
        <message>
            <source>From folders, Tongwen imports text, web page, Markdown and EPUB files only.</source>
            <translation>從資料夾匯入時，同文只匯入文字、網頁、Markdown 和 EPUB 檔案。</translation>
        </message>
        <message>
            <source>Access to {file} was denied.</source>
            <translation>沒有存取{file}的權限。</translation>
        </message>
        <message>
            <source>Check the permissions of the file and its folder, or copy it to a folder of your own and try again.</source>
            <translation>請檢查該檔案及其所在資料夾的權限，或把它複製到你自己的資料夾後重試。</translation>
        </message>
        <message>
            <source>{file} cannot be read.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法讀取{file}。</translation>
        </message>
        <message>
            <source>Check that the disk or network drive is available, then try again.</source>
            <translation>請確認磁碟或網路磁碟機可用，然後重試。</translation>
        </message>
        <message>
            <source>{file} could not be stored: writing to the library folder failed.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法儲存{file}：寫入書庫資料夾失敗。</translation>
        </message>
        <message>
            <source>Check that the disk is not full and the library folder can be written, then import again.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請確認磁碟未滿、書庫資料夾可以寫入，然後重新匯入。</translation>
        </message>
        <message>
            <source>An unexpected error occurred with {file}.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>處理{file}時發生了意外錯誤。</translation>
        </message>
        <message>
            <source>Please try again. If it happens again, the log has the details: {log}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請重試。如果問題再次出現，日誌檔案中有詳細資訊：{log}</translation>
        </message>
        <message>
            <source>There is not enough disk space to write {file}.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>磁碟空間不足，無法寫入{file}。</translation>
        </message>
        <message>
            <source>Free some disk space, then try again.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請騰出一些磁碟空間，然後重試。</translation>
        </message>
        <message>
            <source>{file} is on a disk that cannot be written to.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}所在的磁碟無法寫入。</translation>
        </message>
        <message>
            <source>Choose a place you can write to (the library folder is chosen in Settings), then try again.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請選擇一個可以寫入的位置（書庫資料夾可在設定中更改），然後重試。</translation>
        </message>
        <message>
            <source>The name or path of {file} is too long.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}的名稱或路徑太長。</translation>
        </message>
        <message>
            <source>Give the file a shorter name or move it to a shorter path, then try again.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請縮短檔名，或把檔案移到較短的路徑下，然後重試。</translation>
        </message>
        <message>
            <source>{file} is a folder, not a file.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}是資料夾，不是檔案。</translation>
        </message>
        <message>
            <source>{file} is being used by another Tongwen window.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}正被另一個同文視窗使用。</translation>
        </message>
        <message>
            <source>Close the other Tongwen window, or wait a moment and try again.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請關閉另一個同文視窗，或稍等片刻後重試。</translation>
        </message>
        <message>
            <source>{file} cannot be read or written.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法讀寫{file}。</translation>
        </message>
        <message>
            <source>{file} was written by a newer version of Tongwen.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}是由更新版本的同文寫入的。</translation>
        </message>
        <message>
            <source>Update Tongwen to open it. The file has not been changed.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請升級同文後再開啟。該檔案沒有被改動。</translation>
        </message>
        <message>
            <source>{file} and its backup are damaged and cannot be read.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}及其備份都已損壞，無法讀取。</translation>
        </message>
        <message>
            <source>They were left in place. Restore them from a backup or a synced copy; the details name the files.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>這些檔案已原樣保留。請從備份或同步的副本中恢復；詳細資訊中列出了這些檔案。</translation>
        </message>
        <message>
            <source>{file} is a file, not a library folder.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}是一個檔案，不是書庫資料夾。</translation>
        </message>
        <message>
            <source>Choose a folder for the library in Settings.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請在設定中為書庫選擇一個資料夾。</translation>
        </message>
        <message>
            <source>The library {file} cannot be opened.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>無法開啟書庫{file}。</translation>
        </message>
        <message>
            <source>Check that the folder exists and can be written, or choose another library folder in Settings.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請確認該資料夾存在且可以寫入，或在設定中選擇其他書庫資料夾。</translation>
        </message>
        <message>
            <source>The highlights and notes of {file} could not be saved.</source>
            <translation>{file}的螢光標記和註記未能儲存。</translation>
        </message>
        <message>
            <source>They are kept while Tongwen stays open. Check the disk, then try again; the details say why.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>在同文關閉之前，它們仍然保留。請檢查磁碟後重試；詳細資訊中說明了原因。</translation>
        </message>
        <message>
            <source>The highlights and notes of {file} were written by a newer version of Tongwen; they are shown read-only.</source>
            <translation>{file}的螢光標記和註記是由更新版本的同文寫入的，現以唯讀方式顯示。</translation>
        </message>
        <message>
            <source>Update Tongwen to change them. Nothing was overwritten.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請升級同文後再修改。沒有任何內容被覆蓋。</translation>
        </message>
        <message>
            <source>{file} contains bytes that are not valid {encoding}.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>{file}中有不符合 {encoding} 編碼的位元組。</translation>
        </message>
        <message>
            <source>Use “Re-decode” to choose another encoding.</source>
            <translation>請使用「用其他編碼重新解碼」選擇另一種編碼。</translation>
        </message>
        <message>
            <source>There was not enough memory to finish the work on {file}.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>記憶體不足，無法完成對{file}的處理。</translation>
        </message>
        <message>
            <source>Close other programs or split the file into smaller parts, then try again.</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>請關閉其他程式，或把檔案拆分成較小的幾部分，然後重試。</translation>
        </message>
        <message>
            <source>the file</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>該檔案</translation>
        </message>
        <message>
            <source>“{name}”</source>
            <translation>「{name}」</translation>
        </message>
        <message>
            <source>Log: {path}</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>日誌：{path}</translation>
        </message>
    </context>
    <context>
        <name>ReencodeDialog</name>
        <message>
            <source>UTF-8 (most files today)</source>
            <extracomment>Encodings offered for re-decoding, with names a reader recognises (translated when shown).</extracomment>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>UTF-8（如今大多數檔案）</translation>
        </message>
        <message>
            <source>GB18030 / GBK / GB2312 (Simplified Chinese)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>GB18030（簡體中文，相容 GB2312）</translation>
        </message>
        <message>
            <source>Big5 (Traditional Chinese)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Big5（繁體中文）</translation>
        </message>
        <message>
            <source>Big5-HKSCS (Hong Kong)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>Big5-HKSCS（香港繁體）</translation>
        </message>
        <message>
            <source>UTF-16, little-endian</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>UTF-16（小端序）</translation>
        </message>
        <message>
            <source>UTF-16, big-endian</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>UTF-16（大端序）</translation>
        </message>
        <message>
            <source>Japanese (Shift-JIS)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>日文編碼</translation>
        </message>
        <message>
            <source>Korean (EUC-KR)</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>韓文編碼</translation>
        </message>
        <message>
            <source>Western European (Windows-1252)</source>
            <translation>西歐語言（1252 字碼頁）</translation>
        </message>
        <message>
            <source>Re-decode</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>重新解碼</translation>
        </message>
        <message>
            <source>Encoding</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>編碼</translation>
        </message>
        <message>
            <source>“{title}” was decoded as {enc}. Decode the original file again as:</source>
            <translation>「{title}」是按 {enc} 解碼的。將原始檔案重新解碼為：</translation>
        </message>
        <message>
            <source>Decode again or cancel</source>
            <translatorcomment>derived from zh_CN by OpenCC s2twp</translatorcomment>
            <translation>重新解碼或取消</translation>
        </message>
    </context>
</TS>
