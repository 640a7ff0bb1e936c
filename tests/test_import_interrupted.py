"""A parallel import stopped midway leaves no worker process behind and its
run recorded as finished with the interruption."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from .conftest import REPO


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                children = [int(c) for c in task.read_text().split()]
            except OSError:
                continue
            found.update(children)
            todo.extend(children)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"


def test_a_stopped_parallel_import_ends_its_workers_and_records_the_run(tmp_path, shared_dir):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v", "0"], cwd=REPO, env=env, check=True)
    # Enough files (three copies of the corpora, each its own articles) that the
    # import is still running when it is stopped, however fast the machine.
    corpus = []
    for copy in range(3):
        for name in ("corpus", "modern"):
            target = tmp_path / f"copy{copy}" / name
            shutil.copytree(shared_dir / name, target)
            corpus.append(str(target))
    importer = subprocess.Popen(
        [*manage, "import_seeds", "--jobs", "2", "-v", "0", *corpus],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    # The forkserver, its resource tracker and the two extraction workers.
    while time.monotonic() < deadline and len(workers) < 4 and importer.poll() is None:
        workers |= _descendants(importer.pid)
        time.sleep(0.05)
    time.sleep(1)  # extracting and storing
    workers |= _descendants(importer.pid)
    assert importer.poll() is None, "the import ended before it could be stopped"

    importer.send_signal(signal.SIGTERM)
    _, stderr = importer.communicate(timeout=60)

    assert importer.returncode != 0
    assert "interrupted" in stderr
    # The forkserver and resource tracker follow their parent out: give them a moment.
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert [pid for pid in workers if _alive(pid)] == []
    check = (
        "import django; django.setup(); from articles.models import ImportRun; "
        "run = ImportRun.objects.get(); "
        "print(run.finished_at is not None, run.errors[-1]['reason'])"
    )
    env["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
    out = subprocess.run(
        [sys.executable, "-c", check], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert out.stdout.startswith("True import interrupted"), out.stderr
