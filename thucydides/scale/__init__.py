"""Scale: every core of one machine, a Ray cluster beyond it, and news as it arrives.

- :mod:`thucydides.scale.inputs`: streaming readers (JSONL line by line, Parquet by row group);
- :mod:`thucydides.scale.parquet`: coded articles as Parquet partitioned by day
  (``write_parquet``, ``read_parquet``);
- :mod:`thucydides.scale.ray_engine`: the same job on a Ray cluster (``pip install 'thucydides[ray]'``);
- :mod:`thucydides.scale.watch`: ``thucydides watch``, coding new files and feed entries into the store once each.

Nothing here imports Ray until the Ray engine is asked for. See docs/scaling.md.
"""
