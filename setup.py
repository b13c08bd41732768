"""Packages and package data; the project's metadata is in pyproject.toml.

The rubrics and the resources stay at the top of the repository, where people edit them,
and are installed inside the package (``fieldcheck/_rubrics``, ``fieldcheck/_resources``)
so that an installed FieldCheck finds them with importlib.resources (fieldcheck/shipped.py).
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["fieldcheck", "fieldcheck.*"]), "fieldcheck._rubrics", "fieldcheck._resources"],
    package_dir={"fieldcheck._rubrics": "rubrics", "fieldcheck._resources": "resources"},
    package_data={
        "fieldcheck._rubrics": ["*.yaml", "haikou/*.xlsx", "rounds/*.yaml"],
        "fieldcheck._resources": ["fonts/*", "translations/*.qm", "pinyin/*"],
    },
    include_package_data=False,
)
