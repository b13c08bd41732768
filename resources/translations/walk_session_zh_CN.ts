<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>WalkSession</name>
    <message>
        <source>{0} ({1} member(s))</source>
        <extracomment>an edit (or its undo/redo) touched this item; ``result`` already holds the new score the store refused an edit (item id, one sentence saying why); nothing was changed a household of the village was added, changed or removed (its id) why some stored answers could not be scored (one sentence each); empty when all could</extracomment>
        <translation>{0}({1}人)</translation>
    </message>
</context>
</TS>
