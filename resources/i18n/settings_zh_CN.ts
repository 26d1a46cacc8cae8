<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>ConversionPage</name>
        <message>
            <source>Conversion rules</source>
            <translation>转换规则</translation>
        </message>
        <message>
            <source>Written</source>
            <translation>原文</translation>
        </message>
        <message>
            <source>Shown</source>
            <translation>显示为</translation>
        </message>
        <message>
            <source>Script</source>
            <translation>文字</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>文档</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <extracomment>The title of a document by id (None: not in the library). Rules removed here, a batch per Remove (newest last), each with its index.</extracomment>
            <translation>删除(&amp;R)</translation>
        </message>
        <message>
            <source>Remove the selected rules</source>
            <translation>删除所选规则</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <source>Put back the rules removed last</source>
            <translation>恢复上次删除的规则</translation>
        </message>
        <message>
            <source>No rules yet. Right-click a converted word in the reader to choose another form for it.</source>
            <translation>还没有规则。在阅读区右键点击转换后的词，即可为它选择其他字形。</translation>
        </message>
        <message>
            <source>&amp;Mark the words to check in converted views</source>
            <translation>在转换视图中标出需核对的词(&amp;M)</translation>
        </message>
        <message>
            <source>Mark the words to check in converted views</source>
            <translation>在转换视图中标出需核对的词</translation>
        </message>
        <message>
            <source>Underline the words where OpenCC chose one of several forms</source>
            <translation>在 OpenCC 从多个字形中择一的词下画线</translation>
        </message>
        <message>
            <source>A rule shows its word in place of OpenCC's conversion. Removing one applies at once; Undo puts it back.</source>
            <translation>规则用它的词代替 OpenCC 的转换。删除立即生效；撤销可恢复。</translation>
        </message>
        <message>
            <source>All documents</source>
            <translation>全部文档</translation>
        </message>
        <message>
            <source>A document not in the library ({id})</source>
            <translation>不在书库中的文档（{id}）</translation>
        </message>
        <message>
            <source>Every converted script</source>
            <translation>所有转换的文字</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>you have no permission to write there</source>
            <extracomment>A sample line per font region, in that region's script (not translated). Settings that only take effect after a restart.</extracomment>
            <translation>你没有在那里写入的权限</translation>
        </message>
        <message>
            <source>the disk is read-only</source>
            <translation>磁盘是只读的</translation>
        </message>
        <message>
            <source>the disk is full</source>
            <translation>磁盘已满</translation>
        </message>
        <message>
            <source>part of the path is a file, not a folder</source>
            <translation>路径中有一部分是文件而不是文件夹</translation>
        </message>
        <message>
            <source>Enter the full path of a folder, not “{folder}”.</source>
            <translation>请输入文件夹的完整路径，而不是“{folder}”。</translation>
        </message>
        <message>
            <source>“{file}” is a file, so the folder “{folder}” cannot be created there. Choose another folder.</source>
            <translation>“{file}”是一个文件，无法在其中创建文件夹“{folder}”。请选择其他文件夹。</translation>
        </message>
        <message>
            <source>Cannot write in “{folder}”: {reason}. Choose a folder you can write to.</source>
            <translation>无法写入“{folder}”：{reason}。请选择一个你可以写入的文件夹。</translation>
        </message>
        <message>
            <source>Settings</source>
            <extracomment>Settings ▸ Conversion, when the window gave its conversion rules. Settings stored by the last OK that only apply after a restart.</extracomment>
            <translation>设置</translation>
        </message>
        <message>
            <source>Settings pages</source>
            <translation>设置页面</translation>
        </message>
        <message>
            <source>Reading</source>
            <translation>阅读</translation>
        </message>
        <message>
            <source>Fonts</source>
            <translation>字体</translation>
        </message>
        <message>
            <source>Appearance</source>
            <translation>外观</translation>
        </message>
        <message>
            <source>Library</source>
            <translation>书库</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Conversion</source>
            <translation>转换</translation>
        </message>
        <message>
            <source>Default script for new documents</source>
            <translation>新文档的默认文字</translation>
        </message>
        <message>
            <source>&amp;Clean view by default</source>
            <translation>默认使用纯净阅读(&amp;C)</translation>
        </message>
        <message>
            <source>Hide web boilerplate and repair broken characters when a document opens</source>
            <translation>打开文档时隐藏网页杂项并修复乱码</translation>
        </message>
        <message>
            <source>Hidden</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>Shown on hover</source>
            <translation>鼠标悬停时显示</translation>
        </message>
        <message>
            <source>Inline, as in the file</source>
            <translation>照原文显示在行内</translation>
        </message>
        <message>
            <source>Pinyin hints</source>
            <translation>拼音注音</translation>
        </message>
        <message>
            <source>Convert p&amp;hrases for Taiwan</source>
            <translation>按台湾用语转换词汇(&amp;H)</translation>
        </message>
        <message>
            <source>Also replace mainland words with Taiwan usage (社区 → 社群, 优化 → 最佳化)</source>
            <translation>同时把大陆用词替换为台湾用语（社区 → 社群，优化 → 最佳化）</translation>
        </message>
        <message>
            <source>Read &amp;vertically by default (直排)</source>
            <translation>默认直排阅读(&amp;V)</translation>
        </message>
        <message>
            <source>Columns from right to left, paged like a printed book</source>
            <translation>从右到左分栏，像印刷书一样分页</translation>
        </message>
        <message>
            <source>Default &amp;script:</source>
            <translation>默认文字(&amp;S)：</translation>
        </message>
        <message>
            <source>&amp;Pinyin hints:</source>
            <translation>拼音注音(&amp;P)：</translation>
        </message>
        <message>
            <source>Documents for which you chose a script or a direction keep their own choice.</source>
            <translation>已单独选择过文字或排版方向的文档保留各自的选择。</translation>
        </message>
        <message>
            <source>Font for Simplified text</source>
            <translation>简体文字的字体</translation>
        </message>
        <message>
            <source>Font for Traditional text</source>
            <translation>繁體文字的字体</translation>
        </message>
        <message>
            <source>Font for Hong Kong text</source>
            <translation>香港繁體文字的字体</translation>
        </message>
        <message>
            <source>Si&amp;mplified:</source>
            <translation>简体(&amp;M)：</translation>
        </message>
        <message>
            <source>&amp;Traditional:</source>
            <translation>繁體(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Hong Kong:</source>
            <translation>香港繁體(&amp;H)：</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>Sample of the chosen font</source>
            <translation>所选字体的示例</translation>
        </message>
        <message>
            <source>Font size</source>
            <translation>字号</translation>
        </message>
        <message>
            <source>Line spacing</source>
            <translation>行距</translation>
        </message>
        <message>
            <source>Page width</source>
            <translation>页面宽度</translation>
        </message>
        <message>
            <source>Full width</source>
            <translation>不限宽度</translation>
        </message>
        <message>
            <source>Widest text column in characters; 0: full width</source>
            <translation>正文栏的最大宽度（按字数计）；0 表示不限</translation>
        </message>
        <message>
            <source>Font si&amp;ze:</source>
            <translation>字号(&amp;Z)：</translation>
        </message>
        <message>
            <source>&amp;Line spacing:</source>
            <translation>行距(&amp;L)：</translation>
        </message>
        <message>
            <source>Page &amp;width:</source>
            <translation>页面宽度(&amp;W)：</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>跟随系统</translation>
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
            <translation>米黄</translation>
        </message>
        <message>
            <source>Reader theme</source>
            <translation>阅读主题</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <source>A new interface language applies after Tongwen restarts.</source>
            <translation>新的界面语言在同文重新启动后生效。</translation>
        </message>
        <message>
            <source>Reader &amp;theme:</source>
            <translation>阅读主题(&amp;T)：</translation>
        </message>
        <message>
            <source>Interface &amp;language:</source>
            <translation>界面语言(&amp;L)：</translation>
        </message>
        <message>
            <source>The open library is in {folder}</source>
            <translation>当前打开的书库位于 {folder}</translation>
        </message>
        <message>
            <source>Library folder</source>
            <translation>书库文件夹</translation>
        </message>
        <message>
            <source>Default: {folder}</source>
            <translation>默认：{folder}</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>浏览(&amp;B)…</translation>
        </message>
        <message>
            <source>Browse for a library folder</source>
            <translation>浏览选择书库文件夹</translation>
        </message>
        <message>
            <source>Use &amp;Default</source>
            <translation>使用默认位置(&amp;D)</translation>
        </message>
        <message>
            <source>Use the default library folder</source>
            <translation>使用默认的书库文件夹</translation>
        </message>
        <message>
            <source>A new library folder is used after Tongwen restarts. The library in the old folder stays where it is and is not moved; Tongwen opens the library in the new folder, or creates an empty one there.</source>
            <translation>新的书库文件夹在同文重新启动后启用。原文件夹中的书库留在原处，不会被移动；同文会打开新文件夹中的书库，如果那里还没有书库，就新建一个空书库。</translation>
        </message>
        <message>
            <source>Library &amp;folder:</source>
            <translation>书库文件夹(&amp;F)：</translation>
        </message>
        <message>
            <source>Search index status</source>
            <translation>搜索索引状态</translation>
        </message>
        <message>
            <source>&amp;Rebuild Index</source>
            <translation>重建索引(&amp;R)</translation>
        </message>
        <message>
            <source>Rebuild the search index</source>
            <translation>重建搜索索引</translation>
        </message>
        <message>
            <source>Index every document again, in the background</source>
            <translation>在后台为所有文档重新建立索引</translation>
        </message>
        <message>
            <source>The index is kept outside the library and can always be rebuilt from it; rebuilding loses no documents, highlights or notes.</source>
            <translation>索引保存在书库之外，随时可以根据书库重建；重建不会丢失任何文档、高亮或批注。</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Save and Restart &amp;Now</source>
            <translation>保存并立即重启(&amp;N)</translation>
        </message>
        <message>
            <source>Save and restart Tongwen</source>
            <translation>保存设置并重新启动同文</translation>
        </message>
        <message>
            <source>{family} (not installed)</source>
            <translation>{family}（未安装）</translation>
        </message>
        <message>
            <source>Choose the Library Folder</source>
            <translation>选择书库文件夹</translation>
        </message>
        <message>
            <source>The state of the search index is not known.</source>
            <translation>搜索索引的状态未知。</translation>
        </message>
    </context>
</TS>
