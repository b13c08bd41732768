"""A township of 13 村居 for the rounds tests and the screenshots: people bound as seed 000 says."""

VILLAGES = ["新城社区", "东风村", "红旗村", "前进村", "胜利村", "光明村", "团结村", "幸福村", "和平村", "友谊村",
            "建设村", "新华村", "永安村"]


def township(rounds):
    people = [{"name": f"{v[:2]}书记", "role": "支部书记", "village": v} for v in VILLAGES]
    people += [
        {"name": "钱镇长", "role": "包片领导", "villages": ["东风村", "永安村"]},  # a leader over a top and a bottom village
        {"name": "孙委员", "role": "包片领导", "villages": ["红旗村", "新华村"]},
        {"name": "周干部", "role": "蹲点干部", "village": "永安村"},
        {"name": "吴村官", "role": "大学生村官", "village": "永安村"},  # met his own task: spared the penalty
        {"name": "郑村官", "role": "大学生村官", "village": "新华村"},  # did not: shares it
        {"name": "王发展", "role": "发展书记", "village": "东风村"},  # shares the reward whether or not
    ]
    return {
        "township": "新城镇",
        "villages": VILLAGES,
        "people": people,
        "units": [
            {"name": "财政所", "head": "冯所长", "squats": "新华村"},  # the head is 蹲点干部 there
            {"name": "农技站", "head": "陈站长", "leader": "钱镇长"},  # bound to his leader's villages
        ],
        "departments": [{"name": "扶贫办", "chief": "褚主任", "deputy": "卫副主任"},
                        {"name": "创业办", "chief": "蒋主任", "deputy": "沈副主任"}],
        "rounds": rounds,
    }


def scores(**override):
    base = {v: 95 - i for i, v in enumerate(VILLAGES)}  # 东风村 2nd … 永安村 last
    base.update(override)
    return base
