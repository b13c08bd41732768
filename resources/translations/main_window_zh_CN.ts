<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>FieldCheck</source>
        <translation>FieldCheck 脱贫攻坚考核</translation>
    </message>
    <message>
        <source>Device {0}</source>
        <translation>设备 {0}</translation>
    </message>
    <message>
        <source>Walk</source>
        <translation>逐项检查</translation>
    </message>
    <message>
        <source>Results…</source>
        <translation>考核结果…</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>组长(&amp;T)</translation>
    </message>
    <message>
        <source>That inspection was deleted.</source>
        <translation>这份检查已被删除。</translation>
    </message>
    <message>
        <source>{0} · {1} — FieldCheck</source>
        <translation>{0} · {1} — FieldCheck</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source> · provisional</source>
        <translation> · 暂计</translation>
    </message>
    <message>
        <source>Score {0} / {1}{2} · {3} of {4} items</source>
        <translation>得分 {0} / {1}{2} · 已答 {3}/{4} 项</translation>
    </message>
    <message>
        <source>Opened the copy.</source>
        <translation>已打开副本。</translation>
    </message>
    <message>
        <source>(name it in Settings)</source>
        <translation>(可在设置中命名)</translation>
    </message>
    <message>
        <source>Device id {0}
Data file {1}</source>
        <translation>设备编号 {0}
数据文件 {1}</translation>
    </message>
    <message>
        <source>About FieldCheck</source>
        <translation>关于 FieldCheck</translation>
    </message>
    <message>
        <source>FieldCheck {0}: offline inspection and scoring of poverty-alleviation work.
Data file: {1}</source>
        <translation>FieldCheck {0}:脱贫攻坚考核的离线检查与计分。
数据文件:{1}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Inspection</source>
        <translation>检查(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>&amp;New inspection…</source>
        <translation>新建检查(&amp;N)…</translation>
    </message>
    <message>
        <source>Inspections &amp;list</source>
        <translation>检查列表(&amp;L)</translation>
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
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Mark as d&amp;raft</source>
        <translation>标为草稿(&amp;R)</translation>
    </message>
    <message>
        <source>Mark as &amp;signed</source>
        <translation>标为已签字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About FieldCheck</source>
        <translation>关于 FieldCheck(&amp;A)</translation>
    </message>
</context>
</TS>
