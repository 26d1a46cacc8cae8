<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>Qt and PySide6 are used under the GNU LGPL version 3. They are shipped as separate shared libraries in Tongwen's installation folder; you may replace them with your own builds. Their source code is available from qt.io and pyside.org.</source>
            <translation>Qt 与 PySide6 依 GNU LGPL 第 3 版使用，以独立的共享库随同文安装在其程序文件夹中；您可以用自己编译的版本替换它们。其源代码可从 qt.io 和 pyside.org 获取。</translation>
        </message>
        <message>
            <source>Component</source>
            <translation>组件</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <source>Licence</source>
            <translation>许可证</translation>
        </message>
        <message>
            <source>About Tongwen</source>
            <translation>关于同文</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Tongwen 同文 {version}&lt;/h3&gt;&lt;p&gt;A reader for Chinese documents in Simplified and Traditional script.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;同文 Tongwen {version}&lt;/h3&gt;&lt;p&gt;简体、繁体中文文档阅读器。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Components and licences</source>
            <translation>组件与许可证</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>The library {folder} is on a network drive ({kind}). File locks may not hold there: do not change it from two computers at the same time.</source>
            <translation>书库 {folder} 位于网络驱动器（{kind}）上。那里的文件锁可能不起作用：请不要同时在两台电脑上修改它。</translation>
        </message>
        <message>
            <source>The library {folder} is inside a {kind} folder. Edits made on two computers at once become conflict copies, which Tongwen merges or reports.</source>
            <translation>书库 {folder} 位于 {kind} 同步文件夹中。两台电脑同时修改会产生冲突副本，同文会合并或报告它们。</translation>
        </message>
        <message>
            <source>Library on a Shared Folder</source>
            <translation>书库位于共享文件夹</translation>
        </message>
        <message numerus="yes">
            <source>%n damaged file(s) in the library were repaired or set aside; nothing was deleted. Help ▸ Open the Log File tells which.</source>
            <translation>
                <numerusform>书库中有 %n 个损坏的文件已修复或移到一旁，没有删除任何内容。详情见 帮助 ▸ 打开日志文件。</numerusform>
            </translation>
        </message>
        <message>
            <source>Contents</source>
            <extracomment>The status line's totals are summed this long after the last library event.</extracomment>
            <translation>目录</translation>
        </message>
        <message>
            <source>Annotations</source>
            <translation>批注</translation>
        </message>
        <message numerus="yes">
            <source>%n document(s)</source>
            <translation>
                <numerusform>%n 篇文档</numerusform>
            </translation>
        </message>
        <message>
            <source>{chars} characters</source>
            <translation>{chars} 字</translation>
        </message>
        <message>
            <source>Cannot open the document</source>
            <translation>无法打开文档</translation>
        </message>
        <message>
            <source>Import files</source>
            <translation>导入文件</translation>
        </message>
        <message>
            <source>Documents ({patterns});;All files (*)</source>
            <translation>文档 ({patterns});;所有文件 (*)</translation>
        </message>
        <message>
            <source>Reading the library…</source>
            <extracomment>Background work waits at most this long for the window's first paint (a window shown minimized may not paint until it is restored). Rows the library pane shows before every summary is read (more than a screenful). the first reading of the folders, running the reading of every summary, running</extracomment>
            <translation>正在读取书库…</translation>
        </message>
        <message>
            <source>Tags could not be changed</source>
            <translation>无法更改标签</translation>
        </message>
        <message>
            <source>The shelves could not be changed</source>
            <translation>无法更改书架</translation>
        </message>
        <message>
            <source>Reading the library: {done} of {total} documents…</source>
            <translation>正在读取书库：{done} / {total} 篇文档…</translation>
        </message>
        <message>
            <source>The library could not be read</source>
            <translation>无法读取书库</translation>
        </message>
        <message>
            <source>Import a folder</source>
            <translation>导入文件夹</translation>
        </message>
        <message>
            <source>An import is already running</source>
            <translation>已有导入正在进行</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>正在导入…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Importing {name}</source>
            <translation>正在导入 {name}</translation>
        </message>
        <message>
            <source>Import failed</source>
            <translation>导入失败</translation>
        </message>
        <message>
            <source>Imported {n} of {total} files</source>
            <translation>已导入 {n}/{total} 个文件</translation>
        </message>
        <message>
            <source>Cannot save the metadata</source>
            <translation>无法保存文档信息</translation>
        </message>
        <message>
            <source>Cannot decode “{t}” as {e}</source>
            <translation>无法以 {e} 编码重新解码“{t}”</translation>
        </message>
        <message>
            <source>Remove documents</source>
            <translation>移除文档</translation>
        </message>
        <message numerus="yes">
            <source>Move %n document(s) to the library's trash?</source>
            <translation>
                <numerusform>将 %n 篇文档移到书库的回收站？</numerusform>
            </translation>
        </message>
        <message>
            <source>Cannot remove a document</source>
            <translation>无法移除文档</translation>
        </message>
    </context>
    <context>
        <name>MenuBuilder</name>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Import Files…</source>
            <translation>导入文件(&amp;I)…</translation>
        </message>
        <message>
            <source>Import &amp;Folder…</source>
            <translation>导入文件夹(&amp;F)…</translation>
        </message>
        <message>
            <source>E&amp;xport Annotations…</source>
            <translation>导出批注(&amp;X)…</translation>
        </message>
        <message>
            <source>Im&amp;port Annotations…</source>
            <translation>导入批注(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Library</source>
            <translation>书库(&amp;L)</translation>
        </message>
        <message>
            <source>Save Search as &amp;Shelf…</source>
            <translation>将搜索存为书架(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Trash…</source>
            <translation>回收站(&amp;T)…</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Find in Document…</source>
            <translation>在文档中查找(&amp;F)…</translation>
        </message>
        <message>
            <source>Find &amp;Next</source>
            <translation>查找下一个(&amp;N)</translation>
        </message>
        <message>
            <source>Find &amp;Previous</source>
            <translation>查找上一个(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Search the Library…</source>
            <translation>搜索书库(&amp;S)…</translation>
        </message>
        <message>
            <source>&amp;Script</source>
            <translation>简繁转换(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Readings Above the Text</source>
            <translation>文字上方的读音(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Actual Size</source>
            <translation>原始大小(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Distraction-Free Reading</source>
            <translation>专注阅读(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>跳转(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Next Chapter</source>
            <translation>下一章(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Previous Chapter</source>
            <translation>上一章(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Beginning</source>
            <translation>开头(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;End</source>
            <translation>结尾(&amp;E)</translation>
        </message>
        <message>
            <source>Highlight in &amp;Colour</source>
            <translation>用颜色高亮(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Annotate</source>
            <translation>批注(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Document</source>
            <translation>文档(&amp;D)</translation>
        </message>
        <message>
            <source>&amp;Edit Metadata…</source>
            <translation>编辑文档信息(&amp;E)…</translation>
        </message>
        <message>
            <source>Re-&amp;decode…</source>
            <translation>重新解码(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Chapters…</source>
            <translation>章节(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Remove from Library</source>
            <translation>从书库移除(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>Open the &amp;Log File</source>
            <translation>打开日志文件(&amp;L)</translation>
        </message>
        <message>
            <source>Show the Log &amp;Folder</source>
            <translation>显示日志文件夹(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;About Tongwen</source>
            <translation>关于同文(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>快捷键</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <source>Tongwen</source>
            <translation>同文</translation>
        </message>
        <message>
            <source>Tongwen is already running on the library {folder}, but does not answer.</source>
            <translation>同文已在书库 {folder} 上运行，但没有响应。</translation>
        </message>
        <message>
            <source>A second window on the same library could overwrite its work. Wait for the running window, or close it (or end its process), then start Tongwen again.</source>
            <translation>在同一书库上再开一个窗口可能覆盖它的工作。请等待正在运行的窗口，或关闭它（或结束其进程），然后再启动同文。</translation>
        </message>
        <message>
            <source>The library folder {folder} cannot be opened.</source>
            <translation>无法打开书库文件夹 {folder}。</translation>
        </message>
        <message>
            <source>Check that the folder exists and that you may write to it, or start Tongwen with another library folder.</source>
            <translation>请确认该文件夹存在且您有写入权限，或在启动同文时指定另一个书库文件夹。</translation>
        </message>
    </context>
</TS>
