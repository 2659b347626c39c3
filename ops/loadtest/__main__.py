"""python -m ops.loadtest [--seconds 60] [--readers 50] [--pages 1000]

Loopback only, bounded in time: a throwaway database (demo + generated pages), the production
stack (gunicorn with workers from the core count, the django-tasks worker), then for --seconds:
- --readers concurrent clients (four in five read pages, one in five searches), each sending its
  next request when the last one answered;
- two editors saving drafts of their unit's articles, and an approver chain (unit reviewer, then
  the provincial approver) submitting and approving articles through the workflow until published,
  written through the ORM in this process against the same database;
- halfway through, SIGHUP to the gunicorn master (a graceful reload of every worker).
Then it checks and prints: responses ≥ 500, failed writes, requests slower than 2 s, every saved
revision present, every live page equal to its live revision.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from ops.bench.stack import BenchSite

SEARCHES = [
    "khai sinh",
    "giay phep xay dung",
    "đăng ký kết hôn",
    "dich vu cong",
    "cap doi",
    "thue",
    "ho tich",
    "dat dai",
]
SLOW_SECONDS = 2.0


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    revisions: list[int] = field(default_factory=list)
    published: int = 0
    write_failures: list[str] = field(default_factory=list)

    def record(self, status: int | None, seconds: float, error: str = "") -> None:
        with self.lock:
            if status is None:
                self.errors[error] += 1
            else:
                self.statuses[status] += 1
            self.latencies.append(seconds)


def reader(base: str, paths: list[str], stop: float, tally: Tally, seed: int) -> None:
    import requests

    rng = random.Random(seed)
    session = requests.Session()
    while time.monotonic() < stop:
        if rng.random() < 0.2:
            path = "/tim-kiem/?q=" + rng.choice(SEARCHES).replace(" ", "+")
        else:
            path = rng.choice(paths)
        started = time.monotonic()
        try:
            response = session.get(base + path, timeout=30)
            tally.record(response.status_code, time.monotonic() - started)
        except requests.RequestException as error:
            tally.record(None, time.monotonic() - started, type(error).__name__)


def _django() -> None:
    import django

    django.setup()


def unit_news_ids(unit_slug: str) -> list[int]:
    from articles.models import NewsPage

    return sorted(NewsPage.objects.filter(unit__slug=unit_slug).values_list("pk", flat=True))


def editor(username: str, unit_slug: str, stop: float, tally: Tally, seed: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import close_old_connections, connection

    from articles.models import NewsPage

    rng = random.Random(seed)
    user = get_user_model().objects.get(username=username)
    # Editing a page in the workflow sends it back to step one (re-approval on edit): the editor of
    # Hà Quảng keeps to the pages the approver chain does not take.
    ids = unit_news_ids(unit_slug)[1::2] if unit_slug == "ha-quang" else unit_news_ids(unit_slug)
    try:
        while time.monotonic() < stop:
            close_old_connections()
            try:
                page = NewsPage.objects.get(pk=rng.choice(ids)).get_latest_revision_as_object()
                page.summary = f"Bản nháp {time.time():.3f} của {username}"
                revision = page.save_revision(user=user)
                with tally.lock:
                    tally.revisions.append(revision.pk)
            except Exception as error:
                with tally.lock:
                    tally.write_failures.append(f"{username}: {type(error).__name__}: {error}")
            time.sleep(rng.uniform(0.2, 0.6))
    finally:
        connection.close()


def approver_chain(stop: float, tally: Tally, seed: int) -> None:
    """The contributor submits, the unit reviewer and the provincial approver approve: published."""
    from django.contrib.auth import get_user_model
    from django.db import close_old_connections, connection

    from articles.models import NewsPage

    rng = random.Random(seed)
    users = get_user_model().objects
    contributor, reviewer, approver = (
        users.get(username=name) for name in ("bientap.haquang", "duyet.haquang", "pheduyet.tinh")
    )
    ids = unit_news_ids("ha-quang")[::2]
    try:
        while time.monotonic() < stop:
            close_old_connections()
            try:
                page = NewsPage.objects.get(pk=rng.choice(ids))
                if page.workflow_in_progress:
                    page.current_workflow_state.cancel(user=approver)
                draft = page.get_latest_revision_as_object()
                draft.title = f"{page.title.split(' · ')[0]} · {time.time():.3f}"
                revision = draft.save_revision(user=contributor)
                with tally.lock:
                    tally.revisions.append(revision.pk)
                state = page.get_workflow().start(page, contributor)
                for _ in range(4):
                    state.refresh_from_db()
                    if state.status != state.STATUS_IN_PROGRESS:
                        break
                    task_state = state.current_task_state
                    task = task_state.task.specific
                    user = reviewer if type(task).__name__ == "UnitReviewTask" else approver
                    task.on_action(task_state, user, "approve")
                page.refresh_from_db()
                if not (page.live and page.live_revision_id == revision.pk):
                    raise RuntimeError(f"trang {page.pk} chưa được xuất bản bản {revision.pk}")
                with tally.lock:
                    tally.published += 1
            except Exception as error:
                with tally.lock:
                    tally.write_failures.append(f"phê duyệt: {type(error).__name__}: {error}")
            time.sleep(rng.uniform(0.5, 1.0))
    finally:
        connection.close()


def consistency(tally: Tally) -> tuple[int, int, int]:
    """(saved revisions missing, live pages differing from their live revision, live pages checked)."""
    import json

    from wagtail.models import Revision

    from articles.models import ArticlePage

    present = Revision.objects.filter(pk__in=tally.revisions).count()
    differing = 0
    # Pages written straight into the tables by the generator have no revision to compare with.
    pages = ArticlePage.objects.live().filter(live_revision__isnull=False).specific()
    checked = 0
    for page in pages:
        checked += 1
        live = page.live_revision.as_object()
        if (page.title, page.summary, json.dumps(list(page.body.raw_data), sort_keys=True, default=str)) != (
            live.title,
            live.summary,
            json.dumps(list(live.body.raw_data), sort_keys=True, default=str),
        ):
            differing += 1
    return len(set(tally.revisions)) - present, differing, checked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ops.loadtest", description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--pages", type=int, default=1000, help="generated pages besides the demo")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    if args.seconds > 600 or args.readers > 200:
        print("Giới hạn: tối đa 600 s và 200 kết nối.", file=sys.stderr)
        return 2

    site = BenchSite("loadtest")
    try:
        site.build(args.pages)
        site.start(tasks_worker=True)
        environment = site.env(TASKS_BACKEND="database", EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
        os.environ.update({key: value for key, value in environment.items() if key != "BIND"})
        _django()
        from articles.models import ArticlePage

        paths = ["/", "/tin-tuc/", "/huong-dan/", "/hoi-dap/", "/mo-hinh-hay/", "/linh-vuc/the-che/"]
        paths += [page.url for page in ArticlePage.objects.live().order_by("?")[:200]]
        tally = Tally()
        started = time.monotonic()
        stop = started + args.seconds
        threads = [
            threading.Thread(target=reader, args=(site.base_url, paths, stop, tally, n), daemon=True)
            for n in range(args.readers)
        ]
        threads += [
            threading.Thread(target=editor, args=("bientap.haquang", "ha-quang", stop, tally, 1), daemon=True),
            threading.Thread(target=editor, args=("bientap.baolac", "bao-lac", stop, tally, 2), daemon=True),
            threading.Thread(target=approver_chain, args=(stop, tally, 3), daemon=True),
        ]
        print(
            f"{args.seconds} s: {args.readers} người đọc/tìm kiếm, 2 biên tập viên, 1 chuỗi phê duyệt; "
            f"HUP gunicorn ở giây {args.seconds // 2}",
            flush=True,
        )
        for thread in threads:
            thread.start()
        time.sleep(args.seconds / 2)
        site.hup()
        for thread in threads:
            thread.join(args.seconds + 60)
        elapsed = time.monotonic() - started
        missing, differing, checked = consistency(tally)

        total = sum(tally.statuses.values()) + sum(tally.errors.values())
        server_errors = sum(count for status, count in tally.statuses.items() if status >= 500)
        slow = sum(1 for seconds in tally.latencies if seconds > SLOW_SECONDS)
        latencies = sorted(tally.latencies)
        p95 = latencies[int(len(latencies) * 0.95)] * 1000 if latencies else 0
        p99 = latencies[int(len(latencies) * 0.99)] * 1000 if latencies else 0
        print(f"cơ sở dữ liệu: {site.database.vendor}")
        print(f"yêu cầu: {total} trong {elapsed:.0f} s = {total / elapsed:.0f}/s; p95 {p95:.0f} ms, p99 {p99:.0f} ms")
        print(f"mã trạng thái: {dict(sorted(tally.statuses.items()))}; lỗi kết nối: {dict(tally.errors)}")
        print(f"phản hồi ≥ 500: {server_errors} (mục tiêu 0)")
        print(f"lỗi kết nối: {sum(tally.errors.values())} (mục tiêu 0)")
        print(f"chậm hơn {SLOW_SECONDS:.0f} s: {slow} (mục tiêu 0)")
        print(f"ghi: {len(tally.revisions)} bản lưu, {tally.published} lần xuất bản qua quy trình")
        print(f"ghi thất bại: {len(tally.write_failures)} (mục tiêu 0)")
        for failure in tally.write_failures[:10]:
            print(f"  {failure}")
        print(f"bản lưu bị mất: {missing} (mục tiêu 0)")
        print(f"trang đang xuất bản khác bản xuất bản của nó: {differing} trên {checked} (mục tiêu 0)")
        ok = not (server_errors or tally.errors or slow or tally.write_failures or missing or differing)
        print("KẾT QUẢ: " + ("đạt mọi mục tiêu" if ok else "CHƯA ĐẠT (xem các dòng trên)"))
        from django.db import connections

        connections.close_all()
    finally:
        site.cleanup(keep=args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
