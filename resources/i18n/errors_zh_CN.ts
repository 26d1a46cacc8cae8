<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>FormatName</name>
        <message>
            <source>a PDF document</source>
            <extracomment>Format keys (desktop.core.errors.FORMATS) → a noun phrase for the sentences above.</extracomment>
            <translation>PDF 文档</translation>
        </message>
        <message>
            <source>a Word 97-2003 document (DOC)</source>
            <translation>旧版 Word 文档（DOC）</translation>
        </message>
        <message>
            <source>a Word document (DOCX)</source>
            <translation>Word 文档（DOCX）</translation>
        </message>
        <message>
            <source>an OpenDocument text (ODT)</source>
            <translation>开放文档格式的文本（ODT）</translation>
        </message>
        <message>
            <source>an OpenDocument file</source>
            <translation>开放文档格式的文件</translation>
        </message>
        <message>
            <source>a rich text document (RTF)</source>
            <translation>富文本文档（RTF）</translation>
        </message>
        <message>
            <source>a Mobipocket e-book (MOBI)</source>
            <translation>Mobipocket 电子书（MOBI）</translation>
        </message>
        <message>
            <source>a Kindle e-book (AZW)</source>
            <translation>Kindle 电子书（AZW）</translation>
        </message>
        <message>
            <source>a Kindle e-book (AZW3)</source>
            <translation>Kindle 电子书（AZW3）</translation>
        </message>
        <message>
            <source>a DjVu scan</source>
            <translation>DjVu 扫描文档</translation>
        </message>
        <message>
            <source>a compiled help file (CHM)</source>
            <translation>编译的帮助文件（CHM）</translation>
        </message>
        <message>
            <source>an Excel spreadsheet (XLS)</source>
            <translation>Excel 表格（XLS）</translation>
        </message>
        <message>
            <source>an Excel spreadsheet (XLSX)</source>
            <translation>Excel 表格（XLSX）</translation>
        </message>
        <message>
            <source>a PowerPoint presentation (PPT)</source>
            <translation>PowerPoint 演示文稿（PPT）</translation>
        </message>
        <message>
            <source>a PowerPoint presentation (PPTX)</source>
            <translation>PowerPoint 演示文稿（PPTX）</translation>
        </message>
        <message>
            <source>an old Microsoft Office document</source>
            <translation>旧版 Office 文档</translation>
        </message>
        <message>
            <source>a JPEG picture</source>
            <translation>JPEG 图片</translation>
        </message>
        <message>
            <source>a PNG picture</source>
            <translation>PNG 图片</translation>
        </message>
        <message>
            <source>a GIF picture</source>
            <translation>GIF 图片</translation>
        </message>
        <message>
            <source>a ZIP archive</source>
            <translation>ZIP 压缩包</translation>
        </message>
        <message>
            <source>a RAR archive</source>
            <translation>RAR 压缩包</translation>
        </message>
        <message>
            <source>a 7-Zip archive</source>
            <translation>7-Zip 压缩包</translation>
        </message>
        <message>
            <source>a gzip archive</source>
            <translation>gzip 压缩包</translation>
        </message>
        <message>
            <source>an MP3 audio file</source>
            <translation>MP3 音频文件</translation>
        </message>
        <message>
            <source>an MP4 video</source>
            <translation>MP4 视频</translation>
        </message>
        <message>
            <source>a program</source>
            <translation>可执行程序</translation>
        </message>
        <message>
            <source>a Windows program</source>
            <translation>Windows 程序</translation>
        </message>
        <message>
            <source>a database</source>
            <translation>数据库文件</translation>
        </message>
        <message>
            <source>an EPUB book</source>
            <translation>EPUB 电子书</translation>
        </message>
        <message>
            <source>a text file</source>
            <translation>文本文件</translation>
        </message>
        <message>
            <source>a web page</source>
            <translation>网页</translation>
        </message>
        <message>
            <source>a Markdown file</source>
            <translation>Markdown 文档</translation>
        </message>
        <message>
            <source>another format</source>
            <translation>其他格式</translation>
        </message>
    </context>
    <context>
        <name>ImportSummary</name>
        <message>
            <source>Imported: {imported}. Already in the library: {duplicate}. Could not be imported: {failed}. Skipped: {skipped}.</source>
            <translation>已导入 {imported} 个文件，{duplicate} 个已在书库中，{failed} 个无法导入，{skipped} 个已跳过。</translation>
        </message>
        <message>
            <source>Imported: {imported}. Already in the library: {duplicate}. Could not be imported: {failed}.</source>
            <translation>已导入 {imported} 个文件，{duplicate} 个已在书库中，{failed} 个无法导入。</translation>
        </message>
        <message>
            <source>Import finished</source>
            <translation>导入完成</translation>
        </message>
        <message>
            <source>… and {n} more (see the details).</source>
            <translation>……另有 {n} 个（请查看详细信息）。</translation>
        </message>
    </context>
    <context>
        <name>MetadataDialog</name>
        <message>
            <source>Edit document details</source>
            <extracomment>How many per-file problems the summary lists before "and N more". Width of the summary's lines, in average character widths (and its bounds in px). No line starts with these, none ends with the opening ones. A quoted file name stays on one line when it fits (简体 and 繁體 quotes). Where a name too long for a line is cut: after a folder separator, _, -, . or space.</extracomment>
            <translation>编辑文档信息</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
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
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>A date like 2024-08-04, 2024-08 or 2024</source>
            <translation>日期格式如 2024-08-04、2024-08 或 2024</translation>
        </message>
        <message>
            <source>Leave a field empty to use the value found in the file.</source>
            <translation>某一栏留空时，使用从文件中读到的内容。</translation>
        </message>
        <message>
            <source>Save or cancel</source>
            <translation>保存或取消</translation>
        </message>
    </context>
    <context>
        <name>Problem</name>
        <message>
            <source>{file} cannot be imported.</source>
            <extracomment>Problem code → (sentence, advice). ``{file}`` is the quoted file name; other placeholders are the code's params (see desktop.core.errors.PROBLEMS).</extracomment>
            <translation>无法导入{file}。</translation>
        </message>
        <message>
            <source>Check that it is a text file, a web page, a Markdown file or an EPUB book. The details say more.</source>
            <translation>请确认它是文本文件、网页、Markdown 文档或 EPUB 电子书。详细信息中有更多说明。</translation>
        </message>
        <message>
            <source>{file} is {size_mb} MB; Tongwen imports files of up to {limit_mb} MB.</source>
            <translation>{file}有 {size_mb} MB，同文只能导入不超过 {limit_mb} MB 的文件。</translation>
        </message>
        <message>
            <source>Split the file into smaller parts and import those.</source>
            <translation>请把文件拆分成几个较小的文件，再分别导入。</translation>
        </message>
        <message>
            <source>{file} is {format}; Tongwen cannot read this format.</source>
            <translation>{file}是{format}，同文无法读取这种格式。</translation>
        </message>
        <message>
            <source>Save or export it as plain text (TXT), a web page (HTML) or an EPUB book, then import that file.</source>
            <translation>请先把它另存或导出为纯文本（TXT）、网页（HTML）或 EPUB 电子书，再导入新文件。</translation>
        </message>
        <message>
            <source>{file} is not {expected}: its content is {format}.</source>
            <translation>{file}并不是{expected}，它的内容其实是{format}。</translation>
        </message>
        <message>
            <source>The file name does not match the content. Rename the file, or convert it to a format Tongwen reads.</source>
            <translation>文件扩展名与内容不符。请改正文件名，或把它转换成同文能读取的格式。</translation>
        </message>
        <message>
            <source>{file} contains binary data, not text.</source>
            <translation>{file}包含二进制数据，不是文本。</translation>
        </message>
        <message>
            <source>Make sure you chose the right file: programs, pictures and databases cannot be imported.</source>
            <translation>请确认选对了文件：程序、图片和数据库都无法导入。</translation>
        </message>
        <message>
            <source>{file} is not a valid EPUB book.</source>
            <translation>{file}不是有效的 EPUB 电子书。</translation>
        </message>
        <message>
            <source>Check it in another e-book reader, or get a new copy of the book.</source>
            <translation>请用其他电子书阅读器检查它，或重新获取一份。</translation>
        </message>
        <message>
            <source>{file} is damaged or incomplete.</source>
            <translation>{file}已损坏或不完整。</translation>
        </message>
        <message>
            <source>Download or copy the file again, then import it.</source>
            <translation>请重新下载或复制该文件，然后再导入。</translation>
        </message>
        <message>
            <source>{file} holds {count} files inside; Tongwen accepts at most {limit}.</source>
            <translation>{file}内含 {count} 个文件，同文最多接受 {limit} 个。</translation>
        </message>
        <message>
            <source>This is not an ordinary e-book. If you trust it, convert it with an e-book tool first.</source>
            <translation>这不是普通的电子书。如果你信任它，请先用电子书工具转换。</translation>
        </message>
        <message>
            <source>{file} unpacks to more than {limit_mb} MB.</source>
            <translation>{file}解压后超过 {limit_mb} MB。</translation>
        </message>
        <message>
            <source>Tongwen refuses such files to protect your computer. Split the book or convert it with an e-book tool.</source>
            <translation>为保护你的电脑，同文不导入这样的文件。请拆分该书，或先用电子书工具转换。</translation>
        </message>
        <message>
            <source>{file} is built to blow up to a huge size when unpacked (a “zip bomb”); it was refused.</source>
            <translation>{file}解压后会膨胀到极大（即“压缩炸弹”），已拒绝导入。</translation>
        </message>
        <message>
            <source>Delete the file: it may be meant to harm your computer.</source>
            <translation>请删除这个文件：它可能意在损害你的电脑。</translation>
        </message>
        <message>
            <source>Part of {file} ({member}) is protected by a password.</source>
            <translation>{file}中的一部分（{member}）受密码保护。</translation>
        </message>
        <message>
            <source>Remove the password with the program that made the file, then import it again.</source>
            <translation>请用制作该文件的程序去掉密码，然后重新导入。</translation>
        </message>
        <message>
            <source>{file} is copy-protected (digital rights management) and cannot be read.</source>
            <translation>{file}受数字版权保护（加密），无法读取。</translation>
        </message>
        <message>
            <source>Read it in the app of the shop that sold it, or get a copy without copy protection.</source>
            <translation>请用售书商店的阅读软件阅读，或获取没有版权保护的版本。</translation>
        </message>
        <message>
            <source>{file} has no readable chapters: the book is damaged.</source>
            <translation>{file}中没有可读的章节：这本书已损坏。</translation>
        </message>
        <message>
            <source>{file} contains definitions built to expand without end (an “entity bomb”); it was refused.</source>
            <translation>{file}包含会无限膨胀的实体定义（即“实体炸弹”），已拒绝导入。</translation>
        </message>
        <message>
            <source>The web page {file} is too damaged to be read.</source>
            <translation>网页{file}损坏严重，无法读取。</translation>
        </message>
        <message>
            <source>Open the page in a web browser and save it again (“Save page as…”), then import the saved file.</source>
            <translation>请用浏览器打开该网页并重新保存（“网页另存为…”），再导入保存的文件。</translation>
        </message>
        <message>
            <source>The web page {file} is empty.</source>
            <translation>网页{file}是空的。</translation>
        </message>
        <message>
            <source>Save the page again once it has fully loaded in the browser.</source>
            <translation>请等网页在浏览器中完全加载后重新保存。</translation>
        </message>
        <message>
            <source>No readable text was found in {file}.</source>
            <translation>在{file}中没有找到可读的文字。</translation>
        </message>
        <message>
            <source>Scans and pictures of text cannot be read. Otherwise, try another copy of the file.</source>
            <translation>扫描件和文字图片无法读取；如果不是这种情况，请换一份文件试试。</translation>
        </message>
        <message>
            <source>There is no encoding called {encoding} (for {file}).</source>
            <translation>不存在名为 {encoding} 的编码（用于{file}）。</translation>
        </message>
        <message>
            <source>Choose an encoding from the list, for example UTF-8, GB18030 or Big5.</source>
            <translation>请从列表中选择编码，例如 UTF-8、GB18030 或 Big5。</translation>
        </message>
        <message>
            <source>{file} cannot be decoded as {encoding}: some bytes do not belong to that encoding.</source>
            <translation>{file}无法按 {encoding} 解码：其中有些字节不属于这种编码。</translation>
        </message>
        <message>
            <source>Choose another encoding. Simplified Chinese files are usually GB18030 or UTF-8, Traditional Chinese files Big5 or UTF-8.</source>
            <translation>请换一种编码。简体中文文件通常是 GB18030 或 UTF-8，繁体中文文件通常是 Big5 或 UTF-8。</translation>
        </message>
        <message>
            <source>{file} is in the {encoding} encoding (old Taiwanese text), which Tongwen cannot read.</source>
            <translation>{file}使用 {encoding} 编码（台湾的旧式文本），同文无法读取。</translation>
        </message>
        <message>
            <source>Convert the file to UTF-8 with another program (a text editor or a converter), then import the converted file.</source>
            <translation>请先用其他程序（文本编辑器或转换工具）把文件转换为 UTF-8，再导入转换后的文件。</translation>
        </message>
        <message>
            <source>{file} does not exist.</source>
            <translation>{file}不存在。</translation>
        </message>
        <message>
            <source>It may have been moved, renamed or deleted. Find it, then try again.</source>
            <translation>它可能已被移动、改名或删除。请找到该文件后重试。</translation>
        </message>
        <message>
            <source>{file} is not an ordinary file.</source>
            <translation>{file}不是普通文件。</translation>
        </message>
        <message>
            <source>Choose a file; to import a whole folder, use “Import folder”.</source>
            <translation>请选择一个文件；要导入整个文件夹，请使用“导入文件夹”。</translation>
        </message>
        <message>
            <source>{file} is a special system file (a pipe, device or socket); it was skipped.</source>
            <translation>{file}是特殊的系统文件（管道、设备或套接字），已跳过。</translation>
        </message>
        <message>
            <source>Nothing to do: such files hold no documents.</source>
            <translation>无需处理：这类文件不包含文档。</translation>
        </message>
        <message>
            <source>{file} is a link; Tongwen does not follow links.</source>
            <translation>{file}是一个链接，同文不会跟随链接。</translation>
        </message>
        <message>
            <source>Import the file or folder the link points to.</source>
            <translation>请直接导入链接所指向的文件或文件夹。</translation>
        </message>
        <message>
            <source>{file} was skipped: Tongwen does not import this type.</source>
            <translation>已跳过{file}：同文不导入这种类型的文件。</translation>
        </message>
        <message>
            <source>From folders, Tongwen imports text, web page, Markdown and EPUB files only.</source>
            <translation>从文件夹导入时，同文只导入文本、网页、Markdown 和 EPUB 文件。</translation>
        </message>
        <message>
            <source>Access to {file} was denied.</source>
            <translation>没有访问{file}的权限。</translation>
        </message>
        <message>
            <source>Check the permissions of the file and its folder, or copy it to a folder of your own and try again.</source>
            <translation>请检查该文件及其所在文件夹的权限，或把它复制到你自己的文件夹后重试。</translation>
        </message>
        <message>
            <source>{file} cannot be read.</source>
            <translation>无法读取{file}。</translation>
        </message>
        <message>
            <source>Check that the disk or network drive is available, then try again.</source>
            <translation>请确认磁盘或网络驱动器可用，然后重试。</translation>
        </message>
        <message>
            <source>{file} could not be stored: writing to the library folder failed.</source>
            <translation>无法保存{file}：写入书库文件夹失败。</translation>
        </message>
        <message>
            <source>Check that the disk is not full and the library folder can be written, then import again.</source>
            <translation>请确认磁盘未满、书库文件夹可以写入，然后重新导入。</translation>
        </message>
        <message>
            <source>An unexpected error occurred with {file}.</source>
            <translation>处理{file}时发生了意外错误。</translation>
        </message>
        <message>
            <source>Please try again. If it happens again, the log has the details: {log}</source>
            <translation>请重试。如果问题再次出现，日志文件中有详细信息：{log}</translation>
        </message>
        <message>
            <source>There is not enough disk space to write {file}.</source>
            <translation>磁盘空间不足，无法写入{file}。</translation>
        </message>
        <message>
            <source>Free some disk space, then try again.</source>
            <translation>请腾出一些磁盘空间，然后重试。</translation>
        </message>
        <message>
            <source>{file} is on a disk that cannot be written to.</source>
            <translation>{file}所在的磁盘无法写入。</translation>
        </message>
        <message>
            <source>Choose a place you can write to (the library folder is chosen in Settings), then try again.</source>
            <translation>请选择一个可以写入的位置（书库文件夹可在设置中更改），然后重试。</translation>
        </message>
        <message>
            <source>The name or path of {file} is too long.</source>
            <translation>{file}的名称或路径太长。</translation>
        </message>
        <message>
            <source>Give the file a shorter name or move it to a shorter path, then try again.</source>
            <translation>请缩短文件名，或把文件移到较短的路径下，然后重试。</translation>
        </message>
        <message>
            <source>{file} is a folder, not a file.</source>
            <translation>{file}是文件夹，不是文件。</translation>
        </message>
        <message>
            <source>{file} is being used by another Tongwen window.</source>
            <translation>{file}正被另一个同文窗口使用。</translation>
        </message>
        <message>
            <source>Close the other Tongwen window, or wait a moment and try again.</source>
            <translation>请关闭另一个同文窗口，或稍等片刻后重试。</translation>
        </message>
        <message>
            <source>{file} cannot be read or written.</source>
            <translation>无法读写{file}。</translation>
        </message>
        <message>
            <source>{file} was written by a newer version of Tongwen.</source>
            <translation>{file}是由更新版本的同文写入的。</translation>
        </message>
        <message>
            <source>Update Tongwen to open it. The file has not been changed.</source>
            <translation>请升级同文后再打开。该文件没有被改动。</translation>
        </message>
        <message>
            <source>{file} and its backup are damaged and cannot be read.</source>
            <translation>{file}及其备份都已损坏，无法读取。</translation>
        </message>
        <message>
            <source>They were left in place. Restore them from a backup or a synced copy; the details name the files.</source>
            <translation>这些文件已原样保留。请从备份或同步的副本中恢复；详细信息中列出了这些文件。</translation>
        </message>
        <message>
            <source>{file} is a file, not a library folder.</source>
            <translation>{file}是一个文件，不是书库文件夹。</translation>
        </message>
        <message>
            <source>Choose a folder for the library in Settings.</source>
            <translation>请在设置中为书库选择一个文件夹。</translation>
        </message>
        <message>
            <source>The library {file} cannot be opened.</source>
            <translation>无法打开书库{file}。</translation>
        </message>
        <message>
            <source>Check that the folder exists and can be written, or choose another library folder in Settings.</source>
            <translation>请确认该文件夹存在且可以写入，或在设置中选择其他书库文件夹。</translation>
        </message>
        <message>
            <source>The highlights and notes of {file} could not be saved.</source>
            <translation>{file}的高亮和批注未能保存。</translation>
        </message>
        <message>
            <source>They are kept while Tongwen stays open. Check the disk, then try again; the details say why.</source>
            <translation>在同文关闭之前，它们仍然保留。请检查磁盘后重试；详细信息中说明了原因。</translation>
        </message>
        <message>
            <source>The highlights and notes of {file} were written by a newer version of Tongwen; they are shown read-only.</source>
            <translation>{file}的高亮和批注是由更新版本的同文写入的，现以只读方式显示。</translation>
        </message>
        <message>
            <source>Update Tongwen to change them. Nothing was overwritten.</source>
            <translation>请升级同文后再修改。没有任何内容被覆盖。</translation>
        </message>
        <message>
            <source>{file} contains bytes that are not valid {encoding}.</source>
            <translation>{file}中有不符合 {encoding} 编码的字节。</translation>
        </message>
        <message>
            <source>Use “Re-decode” to choose another encoding.</source>
            <translation>请使用“用其他编码重新解码”选择另一种编码。</translation>
        </message>
        <message>
            <source>There was not enough memory to finish the work on {file}.</source>
            <translation>内存不足，无法完成对{file}的处理。</translation>
        </message>
        <message>
            <source>Close other programs or split the file into smaller parts, then try again.</source>
            <translation>请关闭其他程序，或把文件拆分成较小的几部分，然后重试。</translation>
        </message>
        <message>
            <source>the file</source>
            <translation>该文件</translation>
        </message>
        <message>
            <source>“{name}”</source>
            <translation>“{name}”</translation>
        </message>
        <message>
            <source>Log: {path}</source>
            <translation>日志：{path}</translation>
        </message>
    </context>
    <context>
        <name>ReencodeDialog</name>
        <message>
            <source>UTF-8 (most files today)</source>
            <extracomment>Encodings offered for re-decoding, with names a reader recognises (translated when shown).</extracomment>
            <translation>UTF-8（如今大多数文件）</translation>
        </message>
        <message>
            <source>GB18030 / GBK / GB2312 (Simplified Chinese)</source>
            <translation>GB18030（简体中文，兼容 GB2312）</translation>
        </message>
        <message>
            <source>Big5 (Traditional Chinese)</source>
            <translation>Big5（繁体中文）</translation>
        </message>
        <message>
            <source>Big5-HKSCS (Hong Kong)</source>
            <translation>Big5-HKSCS（香港繁体）</translation>
        </message>
        <message>
            <source>UTF-16, little-endian</source>
            <translation>UTF-16（小端序）</translation>
        </message>
        <message>
            <source>UTF-16, big-endian</source>
            <translation>UTF-16（大端序）</translation>
        </message>
        <message>
            <source>Japanese (Shift-JIS)</source>
            <translation>日文编码</translation>
        </message>
        <message>
            <source>Korean (EUC-KR)</source>
            <translation>韩文编码</translation>
        </message>
        <message>
            <source>Western European (Windows-1252)</source>
            <translation>西欧语言（1252 代码页）</translation>
        </message>
        <message>
            <source>Re-decode</source>
            <translation>重新解码</translation>
        </message>
        <message>
            <source>Encoding</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>“{title}” was decoded as {enc}. Decode the original file again as:</source>
            <translation>“{title}”是按 {enc} 解码的。将原始文件重新解码为：</translation>
        </message>
        <message>
            <source>Decode again or cancel</source>
            <translation>重新解码或取消</translation>
        </message>
    </context>
</TS>
