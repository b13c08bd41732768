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
        <translation>跟随系统</translation>
    </message>
</context>
</TS>
