from django.http import Http404
from django.shortcuts import render

from twinning.caching import cache_for_visitors
from twinning.sdg.models import Goal, Pillar
from twinning.sdg.selectors import all_goals, goal_with_targets


@cache_for_visitors(60 * 60)
def goal_list(request):
    goals = all_goals()
    pillars = [
        {"pillar": pillar, "goals": [goal for goal in goals if goal.pillar == pillar.value]} for pillar in Pillar
    ]
    return render(
        request,
        "sdg/goal_list.html",
        {"goals": goals, "pillars": pillars, "full_wheel": {goal.number: 1.0 for goal in goals}},
    )


@cache_for_visitors(60 * 60)
def goal_detail(request, number: int):
    try:
        goal = goal_with_targets(number)
    except Goal.DoesNotExist as exc:
        raise Http404 from exc
    goals = all_goals()
    index = [g.number for g in goals].index(goal.number)
    return render(
        request,
        "sdg/goal_detail.html",
        {
            "goal": goal,
            "pillar": Pillar(goal.pillar),
            "previous_goal": goals[index - 1] if index > 0 else None,
            "next_goal": goals[index + 1] if index + 1 < len(goals) else None,
            "wheel_values": {goal.number: 1.0},
        },
    )
