"""JupyterHub 3 configuration for a class on one server (Debian's `jupyterhub` package). See INSTRUCTORS.md.

One built copy of the course is shared by everybody, read-only, in QUANTCOURSE_HOME (default /srv/quantcourse):
its jars (lib/target/lib), its data and its trained models (build/models, pre-run by the instructor with
`./course run`). The Java kernelspec is installed system-wide (`java -jar kernel/target/quantcourse-kernel.jar
install --prefix /usr/local`). Each student works in ~/quantcourse, made by hub/student-workspace when their
server starts: their own copy of the notebooks, links to the shared jars and data, and their own build/ folder for
results and compressed models. Use it from /etc/jupyterhub/jupyterhub_config.py:

    c = get_config()
    load_subconfig("/srv/quantcourse/hub/jupyterhub_config.py")
    c.Authenticator.allowed_users = {"ada", "alan"}          # and an authenticator of your choice (PAM by default)
"""
import os

c = get_config()  # noqa: F821 (provided by JupyterHub when it loads this file)

COURSE = os.environ.get("QUANTCOURSE_HOME", "/srv/quantcourse")

# Debian's configurable-http-proxy finds its modules in /usr/share/nodejs only with Debian's node; a Node.js from
# elsewhere (e.g. NodeSource's) needs the path, or the proxy fails with "Cannot find module 'commander'".
if os.path.isdir("/usr/share/nodejs"):
    os.environ["NODE_PATH"] = os.pathsep.join(filter(None, [os.environ.get("NODE_PATH"), "/usr/share/nodejs"]))

# Each student's server starts in ~/quantcourse/notebooks, prepared by the workspace script, which then runs
# jupyterhub-singleuser with the arguments JupyterHub appends.
c.Spawner.cmd = [os.path.join(COURSE, "hub", "student-workspace"), "jupyterhub-singleuser"]
c.Spawner.default_url = "/tree"
c.Spawner.environment = {
    "QUANTCOURSE_HOME": COURSE,
    # the trained models every notebook loads: shared, read-only, never retrained by a student
    "COURSE_MODEL_DIR": os.path.join(COURSE, "build", "models"),
}
# A JVM kernel needs time to start on a busy server.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
# Stop servers idle for an hour would need the jupyterhub-idle-culler service (not packaged in Debian 12).
