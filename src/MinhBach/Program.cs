// Every operator verb (serve, migrate, demo …) lives in Cli/; the web host is built in Hosting/WebHost.cs.
return await MinhBach.Cli.CommandLine.RunAsync(args);
