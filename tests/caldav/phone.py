"""The phone in goalcoach's calendar tests: a CalDAV client (Python's caldav) that does what
a person does in a reminders app. Usage: phone.py URL COMMAND [ARGS]; prints JSON."""

import datetime
import json
import sys

import caldav

USER, PASSWORD = "phone", "phone"


def calendar(url):
    client = caldav.DAVClient(url, username=USER, password=PASSWORD)
    return client, client.calendar(url=url + f"{USER}/goalcoach/")


def todos(cal):
    out = []
    for todo in cal.todos(include_completed=True):
        comp = todo.icalendar_component
        due = comp.get("due")
        out.append({
            "uid": str(comp.get("uid")),
            "summary": str(comp.get("summary")),
            "status": str(comp.get("status", "NEEDS-ACTION")),
            "due": due.dt.strftime("%Y-%m-%d") if due else None,
            "alarm": any(c.name == "VALARM" for c in comp.subcomponents),
        })
    return sorted(out, key=lambda t: t["summary"])


def find(cal, summary):
    for todo in cal.todos(include_completed=True):
        if str(todo.icalendar_component.get("summary")) == summary:
            return todo
    raise SystemExit(f"no to-do {summary!r}")


def main():
    url, command, *args = sys.argv[1:]
    client, cal = calendar(url)
    if command == "setup":
        principal = client.principal()
        principal.make_calendar(name="goalcoach", cal_id="goalcoach",
                                supported_calendar_component_set=["VTODO"])
    elif command == "list":
        pass
    elif command == "complete":
        find(cal, args[0]).complete(completion_timestamp=datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.timezone.utc))
    elif command == "move":
        todo = find(cal, args[0])
        comp = todo.icalendar_component
        comp.pop("due")
        comp.add("due", datetime.date.fromisoformat(args[1]))
        todo.save()
    elif command == "rename":
        todo = find(cal, args[0])
        todo.icalendar_component["summary"] = args[1]
        todo.save()
    elif command == "add":
        cal.save_todo(summary=args[0], due=datetime.date.fromisoformat(args[1]), uid="phone-" + args[0].replace(" ", "-"))
    else:
        raise SystemExit(f"unknown command {command}")
    print(json.dumps(todos(cal)))


if __name__ == "__main__":
    main()
