@echo off
rem Runs an installed Benchline release on Windows: needs only Java 17 or later (java on PATH,
rem or JAVA_HOME). Plans and fixture files named by a relative path are found in this release
rem when they are not in the working directory (BENCHLINE_HOME). Serial ports are COM3, COM4...
rem in fixture files (docs\install.md).
setlocal EnableExtensions
set "BENCHLINE_HOME=%~dp0.."
for %%i in ("%BENCHLINE_HOME%") do set "BENCHLINE_HOME=%%~fi"
set "JAR=%BENCHLINE_HOME%\lib\benchline.jar"
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java.exe"

rem short commands start faster with the client compiler only and the serial collector
set "OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if /i "%~1"=="station" set "OPTS="
if /i "%~1"=="sim" set "OPTS="
if /i "%~1"=="bench" set "OPTS="

rem class-data sharing: the first "run" records the classes it loads, later calls map them
set "CDS="
if /i "%BENCHLINE_CDS%"=="off" goto launch
set "VERSION="
for /f "usebackq tokens=1,* delims==" %%a in ("%BENCHLINE_HOME%\lib\version.properties") do if "%%a"=="version" set "VERSION=%%b"
if not defined VERSION goto launch
if not defined LOCALAPPDATA goto launch
set "CDS_DIR=%LOCALAPPDATA%\benchline"
set "ARCHIVE=%CDS_DIR%\benchline-%VERSION%.jsa"
if exist "%ARCHIVE%" goto use_archive
if /i not "%~1"=="run" goto launch
if not exist "%CDS_DIR%" mkdir "%CDS_DIR%" 2>nul
set "CDS="-XX:ArchiveClassesAtExit=%ARCHIVE%" -Xlog:cds=off -Xlog:cds+dynamic=off"
goto launch
:use_archive
set "CDS="-XX:SharedArchiveFile=%ARCHIVE%" -Xlog:cds=off -Xlog:cds+dynamic=off"

:launch
"%JAVA%" %OPTS% %CDS% %BENCHLINE_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
