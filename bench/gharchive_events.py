#!/usr/bin/env python3
"""Writes GH Archive hourly files (real gharchive.org line format) for the import benchmark.

    bench/gharchive_events.py DIR --events 100000 --logins 2000 [--noise 0.2] [--seed 7]

Every followed event (repository bench-org/pathway) is one contribution with its own reference:
issues and pull requests opened, merges, reviews, comments and pushes of one commit; no bots. A
share of lines (--noise) is on other repositories, which a source must skip. Prints the expected
figures as JSON: contributions by kind, contributors, lines.
"""
import argparse, gzip, json, os, random
from datetime import datetime, timedelta, timezone

p = argparse.ArgumentParser()
p.add_argument("dir")
p.add_argument("--events", type=int, default=100000)
p.add_argument("--logins", type=int, default=2000)
p.add_argument("--noise", type=float, default=0.2)
p.add_argument("--seed", type=int, default=7)
p.add_argument("--files", type=int, default=24)
a = p.parse_args()
rnd = random.Random(a.seed)
REPO = {"id": 424242, "name": "bench-org/pathway", "url": "https://api.github.com/repos/bench-org/pathway"}
OTHER = [{"id": 5000 + i, "name": "someone/repo-%d" % i, "url": "https://api.github.com/repos/someone/repo-%d" % i} for i in range(20)]
logins = ["contributor-%04d" % i for i in range(a.logins)]
# A few people do most of the work, as in real projects.
weights = [1.0 / (1 + i) ** 0.8 for i in range(a.logins)]
start = datetime(2026, 9, 1, tzinfo=timezone.utc)
span = timedelta(days=30)
kinds = {"issue": 0, "pull-request": 0, "merge": 0, "review": 0, "comment": 0, "commit": 0}
people = set()
os.makedirs(a.dir, exist_ok=True)
total_lines = int(a.events / (1 - a.noise))
per_file = total_lines // a.files + 1
event_id = 30000000000
followed = 0
number = 0

def actor(login):
    uid = 100000 + logins.index(login) if login in logins else 99
    return {"id": uid, "login": login, "display_login": login, "gravatar_id": "",
            "url": "https://api.github.com/users/" + login, "avatar_url": "https://avatars.githubusercontent.com/u/%d?" % uid}

line_no = 0
for f in range(a.files):
    hour = start + span * f / a.files
    name = "%s-%d.json.gz" % (hour.strftime("%Y-%m-%d"), hour.hour)
    with gzip.open(os.path.join(a.dir, name), "wt", encoding="utf-8") as out:
        for _ in range(per_file):
            if line_no >= total_lines:
                break
            line_no += 1
            event_id += 1
            at = (hour + timedelta(seconds=rnd.randrange(3600))).strftime("%Y-%m-%dT%H:%M:%SZ")
            login = rnd.choices(logins, weights)[0]
            noise = followed >= a.events or (rnd.random() < a.noise and total_lines - line_no >= a.events - followed)
            repo = rnd.choice(OTHER) if noise else REPO
            number += 1
            html = "https://github.com/%s" % repo["name"]
            kind = rnd.choice(["issue", "pull-request", "merge", "review", "comment", "commit"])
            if kind == "issue":
                t, payload = "IssuesEvent", {"action": "opened", "issue": {"number": number, "html_url": "%s/issues/%d" % (html, number), "user": {"login": login}, "title": "Issue %d" % number}}
            elif kind == "pull-request":
                t, payload = "PullRequestEvent", {"action": "opened", "number": number, "pull_request": {"number": number, "html_url": "%s/pull/%d" % (html, number), "user": {"login": login}, "merged": False}}
            elif kind == "merge":
                t, payload = "PullRequestEvent", {"action": "closed", "number": number, "pull_request": {"number": number, "html_url": "%s/pull/%d" % (html, number), "user": {"login": login}, "merged": True, "merged_at": at}}
            elif kind == "review":
                t, payload = "PullRequestReviewEvent", {"action": "created", "review": {"id": number, "html_url": "%s/pull/%d#pullrequestreview-%d" % (html, number // 2 + 1, number), "user": {"login": login}, "submitted_at": at, "state": "approved"}, "pull_request": {"number": number // 2 + 1}}
            elif kind == "comment":
                t, payload = "IssueCommentEvent", {"action": "created", "issue": {"number": number // 2 + 1}, "comment": {"id": number, "html_url": "%s/issues/%d#issuecomment-%d" % (html, number // 2 + 1, number), "user": {"login": login}}}
            else:
                sha = "%040x" % rnd.getrandbits(160)
                t, payload = "PushEvent", {"push_id": number, "size": 1, "distinct_size": 1, "ref": "refs/heads/main", "head": sha, "before": "%040x" % rnd.getrandbits(160),
                                           "commits": [{"sha": sha, "author": {"email": "%s@users.noreply.github.com" % login, "name": login}, "message": "Change %d" % number, "distinct": True, "url": "https://api.github.com/repos/%s/commits/%s" % (repo["name"], sha)}]}
            if not noise:
                followed += 1
                kinds[kind] += 1
                people.add(login)
            out.write(json.dumps({"id": str(event_id), "type": t, "actor": actor(login), "repo": repo, "payload": payload,
                                  "public": True, "created_at": at}, separators=(",", ":")) + "\n")
print(json.dumps({"lines": line_no, "contributions": followed, "byKind": kinds, "contributors": len(people)}))
