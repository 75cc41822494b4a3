"""The Ray engine's errors: clear, numbered, and raised before anything slow happens."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from thucydides.errors import ThucydidesError
from thucydides.pipeline import PipelineConfig
from thucydides.run import Engine
from thucydides.scale.ray_engine import check_reachable, coded_dataset, connect


def test_without_ray_installed_the_error_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(ThucydidesError) as err:
        connect(None)
    assert err.value.code == "E006" and "pip install 'thucydides[ray]'" in err.value.message


def test_an_address_where_nothing_listens_fails_at_once() -> None:
    with pytest.raises(ThucydidesError) as err:
        check_reachable("127.0.0.1:1", timeout=5)
    assert err.value.code == "E501" and "ray start --head" in err.value.message


def test_standard_input_cannot_be_sent_to_a_cluster() -> None:
    with pytest.raises(ThucydidesError) as err:
        coded_dataset(["-"], PipelineConfig(), Engine("ray"), None)
    assert err.value.code == "E507"


def test_the_default_code_path_never_imports_ray() -> None:
    import subprocess

    script = (
        "import sys, io; from thucydides.run import code_paths; from thucydides.cli import cli; "
        "import thucydides.scale.watch, thucydides.scale.parquet; print('ray' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_missing_input_is_named_before_the_cluster_is_asked(tmp_path: Path) -> None:
    with pytest.raises(ThucydidesError) as err:
        coded_dataset([str(tmp_path / "nope.jsonl")], PipelineConfig(), Engine("ray"), None)
    assert err.value.code == "E106" and "nope.jsonl" in err.value.message


def test_without_an_address_ray_starts_a_private_instance_never_a_stale_cluster(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ray

    from thucydides.scale import ray_engine

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(ray, "is_initialized", lambda: False)
    monkeypatch.setattr(ray, "init", lambda **options: calls.append(options))
    ray_engine.connect(None, 2)
    (options,) = calls
    assert options["address"] == "local" and options["num_cpus"] == 2
    assert "thucydides-ray-" in str(options["_temp_dir"]) and not str(options["_temp_dir"]).startswith("/tmp/ray")
