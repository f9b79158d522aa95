"""Load profile for bench/run.sh: four read-only pages, equal weights, no think time.

Only ever talks to the host given with --host (bench/run.sh passes http://127.0.0.1:PORT).
Anonymous requests; each URL is reported under its own name so report.py can compare them.
"""

from locust import HttpUser, constant, task

HOME = "/en/"
PARTNERSHIP = "/en/partnerships/lommel-ongwediva/"
SDG = "/en/sdgs/6/"
HEALTHZ = "/healthz"


class Visitor(HttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        # Ignore proxy settings from the environment: requests go straight to --host.
        self.client.trust_env = False

    def _get(self, url: str) -> None:
        # Same path as name; redirects would hide a misconfiguration, so they count as failures.
        with self.client.get(url, name=url, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    @task
    def home(self) -> None:
        self._get(HOME)

    @task
    def partnership(self) -> None:
        self._get(PARTNERSHIP)

    @task
    def sdg(self) -> None:
        self._get(SDG)

    @task
    def healthz(self) -> None:
        self._get(HEALTHZ)
