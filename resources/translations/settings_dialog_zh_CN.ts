<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>界面语言(&amp;L):</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>数据文件夹:</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>数据库文件:</translation>
    </message>
    <message>
        <source>A new language applies at once; the open inspection stays where it is.</source>
        <translation>新的语言立即生效,正在进行的检查保持原位。</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <extracomment>the inspector&apos;s own name (the default inspector of a new inspection, and who the audit log names) a name for this laptop that people read (&quot;县扶贫办 2 号机&quot;); the device id stays as it is</extracomment>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Used as the inspector of new inspections and in the change log</source>
        <translation>用作新建检查的检查人员,并记入修改记录</translation>
    </message>
    <message>
        <source>e.g. 县扶贫办 2 号机</source>
        <translation>例如 县扶贫办 2 号机</translation>
    </message>
    <message>
        <source>My name</source>
        <translation>我的姓名</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>本机名称</translation>
    </message>
    <message>
        <source>{0}: this holds a whole ID number; remove the number and type only the name.</source>
        <translation>「{0}」中含有完整的身份证号;这里只填姓名或名称,请删去身份证号。</translation>
    </message>
</context>
</TS>
