"""tools/bench_table.py on the fixture CSVs of bench/src/test/resources/bench-table.

Run by BenchTableToolTest:  python3 -m unittest -v bench/src/test/python/test_bench_table.py
"""
import contextlib
import io
import shutil
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
FIXTURES = ROOT / 'bench' / 'src' / 'test' / 'resources' / 'bench-table'
sys.path.insert(0, str(ROOT / 'tools'))
import bench_table  # noqa: E402


class BenchTableTest(unittest.TestCase):

    def setUp(self):
        self.dir = Path(tempfile.mkdtemp())
        self.readme = self.dir / 'README.md'
        shutil.copy(FIXTURES / 'README.md', self.readme)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def run_tool(self, cpu, *extra):
        """Exit code of the tool on the fixture CSVs of one CPU (0 when it returns normally)."""
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                bench_table.main(['--readme', str(self.readme), '--bench-dir', str(FIXTURES / cpu), *extra])
                return 0
            except SystemExit as stop:
                return stop.code if isinstance(stop.code, int) else 1

    def training_section(self):
        text = self.readme.read_text()
        return text.split('<!-- bench-training:begin')[1].split('<!-- bench-training:end')[0]

    def test_a_run_adds_a_table_for_its_cpu_and_keeps_the_hand_recorded_one(self):
        self.run_tool('amd')
        section = self.training_section()
        self.assertIn('Prose kept above the tables.', section)
        self.assertIn('#### CPU: Intel Xeon (hand-recorded from issue 15)\n', section)
        self.assertIn('Hand-recorded, not made by the tool.', section)
        self.assertIn('#### CPU: AMD EPYC\n', section)
        self.assertIn('| **dl4j-onednn-nhwc** (default) | 1 | 550 | 1.10× | 36.4 | 47% | 3,000 | 3.00× | 66.3 | 85% '
                      '| 2.1 |', section)
        self.assertIn('load average 2.1–3.9', section)

    def test_goals_are_judged_from_the_same_run(self):
        self.run_tool('amd')
        section = self.training_section()
        self.assertIn('Goal train ≥ 1.2× PyTorch (default path): 1 thread 1.10× (**not met**), 2 threads 1.10× '
                      '(**not met**)', section)
        self.assertIn('Goal inference ≥ 2.0× PyTorch (default path): 1 thread 3.00× (met), 2 threads 2.50× (met)',
                      section)
        self.assertIn('**dl4j-onednn-nhwc** (default) 1.60× (met), PyTorch 1.13.0a0 1.60×', section)
        self.assertIn('- dl4j-onednn-nhwc, 1 thread, train at batch 256: 500 img/s', section)

    def test_a_new_run_replaces_only_its_own_cpus_table(self):
        self.run_tool('amd')
        self.run_tool('xeon')
        after_xeon = self.training_section()
        self.run_tool('amd')
        section = self.training_section()
        self.assertEqual(after_xeon, section)
        self.assertEqual(1, section.count('#### CPU: AMD EPYC\n'))
        self.assertEqual(3, section.count('#### CPU: '))
        self.assertLess(section.index('#### CPU: AMD EPYC'), section.index('#### CPU: Intel(R) Xeon(R) Platinum'))

    def test_a_run_with_openmp_settings_gets_its_own_table(self):
        self.run_tool('amd')
        self.run_tool('amd-passive')
        section = self.training_section()
        self.assertEqual(1, section.count('#### CPU: AMD EPYC\n'))
        self.assertEqual(1, section.count('#### CPU: AMD EPYC (OMP_WAIT_POLICY=PASSIVE)\n'))

    def test_integer_inference_tables_come_from_their_csvs(self):
        self.run_tool('amd')
        text = self.readme.read_text()
        self.assertNotIn('old 09', text)
        self.assertIn('| integer-engine-gemmlowp | 94.85% | 0.9895 | 100.00% | 47 |', text)
        self.assertIn('| fake-quant-simulation (double) | 94.85% | 1 (all equal) | 100.00% | 29 |', text)
        self.assertIn('- ONNX Runtime int8 / FP32 at batch 256: 0.88× (U8S8)', text)
        self.assertTrue(text.startswith('# Fixture README\n\nText before.\n') and text.endswith('Text after.\n'))

    def test_check_fails_until_the_readme_is_regenerated_and_changes_nothing(self):
        before = self.readme.read_text()
        self.assertEqual(1, self.run_tool('amd', '--check'))
        self.assertEqual(before, self.readme.read_text())
        self.run_tool('amd')
        self.assertEqual(0, self.run_tool('amd', '--check'))

    def test_missing_csvs_keep_their_tables_unless_asked_for(self):
        self.run_tool('xeon')
        self.assertIn('old 09', self.readme.read_text())
        self.assertEqual(1, self.run_tool('xeon', '--only', '09'))

    def test_a_csv_with_two_cpus_is_refused(self):
        self.assertEqual(1, self.run_tool('mixed', '--only', 'training'))

    def test_a_readme_without_markers_is_refused(self):
        self.readme.write_text('# no markers\n')
        self.assertEqual(1, self.run_tool('amd', '--only', 'training'))


if __name__ == '__main__':
    unittest.main()
