namespace MnistCourse.Notebooks.Engine.Packages;

/// <summary>An exclusive lock between processes: a file opened without sharing, released on dispose.</summary>
internal sealed class FolderLock : IDisposable
{
    private readonly FileStream _stream;

    private FolderLock(FileStream stream) => _stream = stream;

    public static async Task<FolderLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
